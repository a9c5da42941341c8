import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../../../../contracts/roles';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { DeliberationSeriesEntity } from '../deliberation/deliberation.entities';
import { CommunityEntity, GridEntity, StreetEntity } from './org.entities';
import { OrgSetupService } from '../setup/org-setup.service';
import { applyStaffRole, type StaffGrant } from '../staff/staff-roles';

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

  constructor(private readonly db: DatabaseService, private readonly setup: OrgSetupService) {}

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

  /**
   * The organisation goes through the setup services (the same path as the 组织架构 screens and admin:create), the
   * staff through applyStaffRole (the same path as invitations); only residents and the pavilion series are plain rows.
   * Insert order is fixed, so the demo ids are the same on every seed.
   */
  private async seed(m: EntityManager): Promise<void> {
    const now = new Date();
    const streetId = await this.setup.createStreet(m, DEMO.street);
    const departmentIds: number[] = [];
    for (const name of DEMO.departments) departmentIds.push((await this.setup.createDepartment(m, null, streetId, name)).id);

    const user = (values: Partial<UserEntity> & { name: string; role: Role }) =>
      insertId(m, UserEntity, { unitConfirmed: false, isDemo: true, createdAt: now, ...values });
    const staff = async (name: string, phone: string, grant: StaffGrant) => {
      const id = await user({ name, role: 'resident', phone });
      await applyStaffRole(m, id, grant);
      return id;
    };

    await staff(DEMO.streetAdmin, '13803179000', { role: 'street_admin', streetId });
    for (const [i, departmentId] of departmentIds.entries()) {
      await staff(`${DEMO.departments[i]}联络员`, `1380317910${i}`, { role: 'department', streetId, departmentId });
    }

    // units[c][g][b][u] = unit id
    const units: number[][][][] = [];
    let workerNo = 0;
    for (const [c, communityName] of DEMO.communities.entries()) {
      const communityId = (await this.setup.createCommunity(m, null, streetId, communityName)).id;
      const staffId = await staff(DEMO.communityStaff[c], `138031780${c}0`, { role: 'community_staff', streetId, communityId });
      // Seed 000: every Friday at 17:00 the committee and residents' representatives sit under the pavilion (议事亭).
      // The scheduler's deliberation job creates its next sessions on its first run.
      await m.insert(DeliberationSeriesEntity, { ...DEMO.pavilion, streetId, communityId, active: true, createdBy: staffId, createdAt: now });
      units[c] = [];
      for (let g = 0; g < DEMO.gridsPerCommunity; g++) {
        const gridId = (await this.setup.createGrid(m, null, communityId, `第${g + 1}网格`, demoHouseholds(c, g))).id;
        await staff(`${DEMO.gridWorkerSurnames[workerNo % DEMO.gridWorkerSurnames.length]}网格员`, `1380317${String(8100 + workerNo).padStart(4, '0')}`, {
          role: 'grid_worker', streetId, communityId, gridId,
        });
        workerNo++;
        units[c][g] = [];
        for (let b = 0; b < DEMO.buildingsPerGrid; b++) {
          const buildingNo = g * DEMO.buildingsPerGrid + b + 1;
          const buildingId = (await this.setup.createBuilding(m, null, gridId, `${buildingNo}号楼`)).id;
          units[c][g][b] = [];
          for (let u = 0; u < DEMO.unitsPerBuilding; u++) {
            units[c][g][b].push((await this.setup.createUnit(m, null, buildingId, `${u + 1}单元`)).id);
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
      await this.setup.createTeam(m, null, streetId, c === null ? null : communityIds[c], name);
    }
  }
}

/** Households per demo grid: within seed 004's 300–500, different per grid. */
const demoHouseholds = (c: number, g: number) => 300 + (((c * DEMO.gridsPerCommunity + g) * 53) % 200);

async function insertId<T extends object>(m: EntityManager, entity: new () => T, values: Partial<T>): Promise<number> {
  const result = await m.insert(entity, values as never);
  return Number(result.identifiers[0].id);
}
