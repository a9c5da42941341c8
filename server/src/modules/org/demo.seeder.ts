import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../../../contracts/roles';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { DeliberationSeriesEntity } from '../deliberation/deliberation.entities';
import { BuildingEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity, UnitEntity } from './org.entities';
import { VolunteerTeamEntity } from '../volunteers/volunteers.entities';

/** name, community index (null: a street-level team). */
const DEMO_VOLUNTEER_TEAMS: [string, number | null][] = [
  ['守望相助情暖夕阳', 1], ['银龄先锋在行动', null], ['社区有我、创卫无忧', 0], ['凝聚志愿爱心，助力文明城市创建', null], ['邻里互助暖心行', 2], ['平安家园共守护', 3],
];

/**
 * Demo organisation modelled on seed 000 (任丘市会战道街道): 5 communities, 3 grids each, 3 buildings
 * per grid, 3 units per building; one grid worker per grid, community staff, a street admin,
 * departments and residents. Seeded once: only into an empty database, never over real data.
 */
export const DEMO = {
  street: '会战道街道',
  communities: ['创业一社区', '采一社区', '采二社区', '创业二社区', '会战社区'],
  departments: ['城管局', '住建局', '派出所'],
  gridsPerCommunity: 3,
  buildingsPerGrid: 3,
  unitsPerBuilding: 3,
  pavilion: { name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', durationMinutes: 90, seats: 30, reservedSeats: 5, opensDaysBefore: 3, closesHoursBefore: 1 },
  communityStaff: ['解娜', '张利萍', '刘海燕', '赵春梅', '孙丽华'],
  gridWorkerSurnames: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡'],
  streetAdmin: '尹宝峰',
  /** name, community index, grid index in community, building in grid, unit, confirmed? phone */
  residents: [
    ['张桂芳', 0, 0, 0, 0, true, '13803170001'],
    ['陈文信', 1, 0, 0, 1, true, '13803170002'],
    ['王秀兰', 0, 0, 1, 2, false, '13803170003'],
    ['李建国', 1, 1, 0, 0, true, '13803170004'],
    ['杨立新', 2, 0, 2, 1, true, '13803170005'],
    ['赵淑珍', 3, 2, 1, 0, true, '13803170006'],
  ] as const,
  residentWithoutUnit: '刘明',
};

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(private readonly db: DatabaseService) {}

  /** Seeds only an empty database (no street office, no user). Returns whether it seeded. */
  async seedOnce(): Promise<boolean> {
    // SQLite write transactions are already queued in-process. On MariaDB two processes (or calls)
    // would both see an empty database and both seed: a named lock makes check-and-seed one at a time.
    if (this.db.dialect === 'sqlite') return this.seedIfEmpty();
    const runner = this.db.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row] = await runner.query(`SELECT GET_LOCK('linli_demo_seed', 60) AS got`);
      if (Number(row?.got) !== 1) throw new Error('Could not take the demo-seed lock within 60 s');
      try {
        return await this.seedIfEmpty();
      } finally {
        await runner.query(`SELECT RELEASE_LOCK('linli_demo_seed')`);
      }
    } finally {
      await runner.release();
    }
  }

  private seedIfEmpty(): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const streets = await m.count(StreetEntity);
      const users = await m.count(UserEntity);
      if (streets > 0 || users > 0) return false;
      await this.seed(m);
      this.logger.log('demo organisation seeded (会战道街道)');
      return true;
    });
  }

  private async seed(m: EntityManager): Promise<void> {
    const now = new Date();
    const streetId = await insertId(m, StreetEntity, { name: DEMO.street });
    const departmentIds: number[] = [];
    for (const name of DEMO.departments) departmentIds.push(await insertId(m, DepartmentEntity, { streetId, name }));

    const user = (values: Partial<UserEntity> & { name: string; role: Role }) =>
      insertId(m, UserEntity, { unitConfirmed: false, isDemo: true, createdAt: now, ...values });

    await user({ name: DEMO.streetAdmin, role: 'street_admin', streetId, phone: '13803179000' });
    for (const [i, departmentId] of departmentIds.entries()) {
      await user({ name: `${DEMO.departments[i]}联络员`, role: 'department', streetId, departmentId, phone: `1380317910${i}` });
    }

    // units[c][g][b][u] = unit id
    const units: number[][][][] = [];
    let workerNo = 0;
    for (const [c, communityName] of DEMO.communities.entries()) {
      const communityId = await insertId(m, CommunityEntity, { streetId, name: communityName });
      const staffId = await user({ name: DEMO.communityStaff[c], role: 'community_staff', streetId, communityId, phone: `138031780${c}0` });
      // Seed 000: every Friday at 17:00 the committee and residents' representatives sit under the pavilion (议事亭).
      // The scheduler's deliberation job creates its next sessions on its first run.
      await m.insert(DeliberationSeriesEntity, { ...DEMO.pavilion, streetId, communityId, active: true, createdBy: staffId, createdAt: now });
      units[c] = [];
      for (let g = 0; g < DEMO.gridsPerCommunity; g++) {
        const gridId = await insertId(m, GridEntity, { communityId, name: `第${g + 1}网格`, gridWorkerId: null });
        const worker = await user({
          name: `${DEMO.gridWorkerSurnames[workerNo % DEMO.gridWorkerSurnames.length]}网格员`,
          role: 'grid_worker', streetId, communityId, gridId, phone: `1380317${String(8100 + workerNo).padStart(4, '0')}`,
        });
        workerNo++;
        await m.update(GridEntity, { id: gridId }, { gridWorkerId: worker });
        units[c][g] = [];
        for (let b = 0; b < DEMO.buildingsPerGrid; b++) {
          const buildingNo = g * DEMO.buildingsPerGrid + b + 1;
          const buildingId = await insertId(m, BuildingEntity, { communityId, gridId, name: `${buildingNo}号楼` });
          units[c][g][b] = [];
          for (let u = 0; u < DEMO.unitsPerBuilding; u++) {
            units[c][g][b].push(await insertId(m, UnitEntity, { buildingId, name: `${u + 1}单元` }));
          }
        }
      }
    }

    const communityIds = (await m.find(CommunityEntity, { order: { id: 'ASC' } })).map((c) => c.id);
    const grids = await m.find(GridEntity, { order: { id: 'ASC' } });
    for (const [name, c, g, b, u, confirmed, phone] of DEMO.residents) {
      const grid = grids.filter((x) => x.communityId === communityIds[c])[g];
      await user({
        name, role: 'resident', phone, streetId, communityId: communityIds[c], gridId: grid.id,
        unitId: units[c][g][b][u], unitConfirmed: confirmed, unitChosenAt: now,
        unitConfirmedBy: confirmed ? grid.gridWorkerId : null,
      });
    }
    await user({ name: DEMO.residentWithoutUnit, role: 'resident', phone: '13803170007' });
    // 小红帽: six party-member volunteer teams (seed 000 names four; the last two are invented in the same style).
    for (const [name, c] of DEMO_VOLUNTEER_TEAMS) {
      await m.insert(VolunteerTeamEntity, { streetId, communityId: c === null ? null : communityIds[c], level: c === null ? 'street' : 'community', name, leaderUserId: null, createdAt: now });
    }
  }
}

async function insertId<T extends object>(m: EntityManager, entity: new () => T, values: Partial<T>): Promise<number> {
  const result = await m.insert(entity, values as never);
  return Number(result.identifiers[0].id);
}
