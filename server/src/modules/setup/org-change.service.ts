import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { SetupKindLabels, type SetupNode, type UpdateAreaRequest } from '../../../../contracts/setup.contract';
import { conflict, unprocessable } from '../../common/domain-exception';
import { changedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { OrgSetupService, type SetupActor } from './org-setup.service';
import { areaNotFound, KINDS, locate, nameTaken, parentRetired, toNode, type AreaRow } from './setup-kinds';

/**
 * Changing the organisation: rename, a grid's households, moving a building to another grid of its community,
 * retiring (停用) and restoring (恢复). Each works on a row the caller located with a lock, inside the caller's
 * transaction, and writes its audit entry there.
 *
 * Retiring keeps the row (concerns, records and hours keep its name) and is refused while it has active children —
 * a conditional UPDATE checked by affected rows, so a child created at the same moment is never orphaned. A grid is
 * also refused while a grid worker is assigned (the worker's role is changed first: 人员与身份). Restoring is refused
 * while the parent is retired.
 */
@Injectable()
export class OrgChangeService {
  constructor(private readonly db: DatabaseService, private readonly setup: OrgSetupService) {}

  /** Rename and/or (grids) households and/or (buildings) move to another grid. */
  async update(m: EntityManager, actor: SetupActor, row: AreaRow, body: UpdateAreaRequest): Promise<SetupNode> {
    if (body.households !== undefined && row.kind !== 'grids') throw unprocessable(ErrorCode.VALIDATION_FAILED, '只有网格可以填写户数');
    if (body.gridId !== undefined && row.kind !== 'buildings') throw unprocessable(ErrorCode.VALIDATION_FAILED, '只有楼栋可以调到别的网格');
    let name = row.name;
    if (body.name !== undefined && body.name !== row.name) name = await this.rename(m, actor, row, body.name);
    if (body.households !== undefined) await this.setHouseholds(m, actor, row, body.households);
    if (body.gridId !== undefined && body.gridId !== row.gridId) await this.moveBuilding(m, actor, row, body.gridId);
    return toNode({ ...row, name });
  }

  async retire(m: EntityManager, actor: SetupActor, row: AreaRow): Promise<SetupNode> {
    if (row.retired) return toNode(row);
    const spec = KINDS[row.kind];
    const n = await changedRows(m, `UPDATE ${spec.table} AS x SET retired_at = ? WHERE x.id = ? AND x.retired_at IS NULL AND ${spec.retirable}`, [this.db.dateParam(new Date()), row.id]);
    if (n !== 1) throw await this.whyNotRetired(m, row);
    await this.setup.record(m, 'org.retire', actor, row.streetId, { type: spec.target, id: row.id }, `停用${SetupKindLabels[row.kind]}“${row.name}”`);
    return toNode({ ...row, retired: true });
  }

  async restore(m: EntityManager, actor: SetupActor, row: AreaRow): Promise<SetupNode> {
    if (!row.retired) return toNode(row);
    const spec = KINDS[row.kind];
    if (row.parentRetired) throw parentRetired(spec.parent ?? '上级');
    await m.query(`UPDATE ${spec.table} SET retired_at = NULL WHERE id = ?`, [row.id]);
    await this.setup.record(m, 'org.restore', actor, row.streetId, { type: spec.target, id: row.id }, `恢复${SetupKindLabels[row.kind]}“${row.name}”`);
    return toNode({ ...row, retired: false });
  }

  private async rename(m: EntityManager, actor: SetupActor, row: AreaRow, name: string): Promise<string> {
    const spec = KINDS[row.kind];
    if (row.kind === 'volunteer-teams' && row.communityId === null) await this.setup.assertStreetTeamNameFree(m, row.streetId, name, row.id);
    try {
      await m.query(`UPDATE ${spec.table} SET name = ? WHERE id = ?`, [name, row.id]);
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(row.kind, name);
      throw err;
    }
    await this.setup.record(m, 'org.rename', actor, row.streetId, { type: spec.target, id: row.id }, `${SetupKindLabels[row.kind]}改名：“${row.name}” → “${name}”`);
    return name;
  }

  private async setHouseholds(m: EntityManager, actor: SetupActor, row: AreaRow, households: number | null): Promise<void> {
    await m.query('UPDATE grids SET households = ? WHERE id = ?', [households, row.id]);
    await this.setup.record(m, 'org.update', actor, row.streetId, { type: 'grid', id: row.id }, `网格“${row.name}”户数：${inWords(row.households)} → ${inWords(households)}`);
  }

  /**
   * A building moves to another active grid of the same community. The residents of its units move with it
   * (users.grid_id follows the unit's building; their confirmation stands — they did not move house), and so do its
   * households in the register. Concerns and help
   * requests keep the grid they were raised in: that is where they were handled, and the figures count them there.
   */
  private async moveBuilding(m: EntityManager, actor: SetupActor, row: AreaRow, gridId: number): Promise<void> {
    const target = await locate(m, 'grids', gridId, this.db.forUpdate).catch(() => null);
    if (!target || target.communityId !== row.communityId) throw areaNotFound('grids');
    if (target.retired) throw parentRetired('目标网格');
    const [from] = (await m.query('SELECT name FROM grids WHERE id = ?', [row.gridId])) as { name: string }[];
    await m.query('UPDATE buildings SET grid_id = ? WHERE id = ?', [gridId, row.id]);
    await m.query(`UPDATE users SET grid_id = ? WHERE role = 'resident' AND unit_id IN (SELECT id FROM units WHERE building_id = ?)`, [gridId, row.id]);
    // The register 台账 scopes households by grid: they follow the building too, so the old grid's worker no longer sees them.
    await m.query('UPDATE households SET grid_id = ? WHERE building_id = ?', [gridId, row.id]);
    await this.setup.record(m, 'org.update', actor, row.streetId, { type: 'building', id: row.id }, `楼栋“${row.name}”从“${from?.name ?? ''}”调到“${target.name}”`);
  }

  /** Active children come first; a grid with none but a grid worker is refused for the worker. */
  private async whyNotRetired(m: EntityManager, row: AreaRow) {
    if (row.kind === 'grids' && row.gridWorkerId !== null) {
      const [children] = (await m.query(`SELECT COUNT(*) AS n FROM buildings WHERE grid_id = ? AND retired_at IS NULL`, [row.id])) as { n: number }[];
      if (Number(children?.n ?? 0) === 0) {
        return conflict(ErrorCode.GRID_HAS_WORKER, `网格“${row.name}”还有负责的网格员。请先在“人员与身份”里调整这位网格员，再停用网格`);
      }
    }
    return conflict(ErrorCode.AREA_HAS_ACTIVE_CHILDREN, `${SetupKindLabels[row.kind]}“${row.name}”下面还有在用的${KINDS[row.kind].children ?? '下级'}，请先把它们停用或调走`);
  }
}

const inWords = (households: number | null) => (households === null ? '未填' : `${households} 户`);
