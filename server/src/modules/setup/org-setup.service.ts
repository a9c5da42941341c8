import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../../../../contracts/audit.contract';
import { SetupKindLabels, type SetupKind, type SetupNode } from '../../../../contracts/setup.contract';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { BuildingEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity, UnitEntity } from '../org/org.entities';
import { VolunteerTeamEntity } from '../volunteers/volunteers.entities';
import { areaNotFound, KINDS, locate, nameTaken, parentRetired, type AreaRow } from './setup-kinds';

/** Who makes the change: a staff member, or null for the setup command (admin:create) and the demo seeder (“系统”). */
export type SetupActor = { id: number; role: string } | null;

/** Run on the parent as soon as it is located and locked, before anything else: the HTTP caller's access check. */
export type ParentCheck = (parent: AreaRow) => void;

/**
 * Creating the organisation 组织架构 — the one path: the HTTP routes (inside their transaction), the demo seeder and the
 * admin:create command all call these. Every method works inside the caller's transaction (`m`) and writes its audit
 * entry there. Access is the caller's business: SetupService checks it for HTTP, on the parent through `check`.
 *
 * A child is created under its parent's row lock (FOR UPDATE on MariaDB; SQLite queues write transactions), and
 * retiring the parent is a conditional UPDATE on that same row: a child never appears under a parent retired at the
 * same moment. Names are unique among siblings by unique keys; a clash is 409 AREA_NAME_TAKEN.
 */
@Injectable()
export class OrgSetupService {
  constructor(private readonly db: DatabaseService, private readonly audit: AuditService) {}

  /** 街道: the first step of a new street (admin:create). */
  async createStreet(m: EntityManager, name: string, actor: SetupActor = null): Promise<number> {
    const id = Number((await m.insert(StreetEntity, { name })).identifiers[0].id);
    await this.record(m, 'org.create', actor, id, { type: 'street', id }, `新建街道“${name}”`);
    return id;
  }

  /** 社区 of the street. */
  async createCommunity(m: EntityManager, actor: SetupActor, streetId: number, name: string): Promise<SetupNode> {
    await this.lockStreet(m, streetId);
    const id = await this.insert(m, 'communities', CommunityEntity, { streetId, name, retiredAt: null });
    return this.created(m, actor, streetId, 'communities', id, name);
  }

  /** 网格 of an active community, with the households it covers (null: not known yet). */
  async createGrid(m: EntityManager, actor: SetupActor, communityId: number, name: string, households: number | null = null, check?: ParentCheck): Promise<SetupNode> {
    const community = await this.activeParent(m, 'communities', communityId, check);
    const id = await this.insert(m, 'grids', GridEntity, { communityId, name, gridWorkerId: null, households, retiredAt: null });
    return this.created(m, actor, community.streetId, 'grids', id, name, households === null ? '' : `，${households} 户`);
  }

  /** 楼栋 in an active grid (and so of the grid's community). */
  async createBuilding(m: EntityManager, actor: SetupActor, gridId: number, name: string, check?: ParentCheck): Promise<SetupNode> {
    const grid = await this.activeParent(m, 'grids', gridId, check);
    const id = await this.insert(m, 'buildings', BuildingEntity, { communityId: grid.communityId!, gridId, name, retiredAt: null });
    return this.created(m, actor, grid.streetId, 'buildings', id, name, `（${grid.name}）`);
  }

  /** 单元 of an active building. */
  async createUnit(m: EntityManager, actor: SetupActor, buildingId: number, name: string, check?: ParentCheck): Promise<SetupNode> {
    const building = await this.activeParent(m, 'buildings', buildingId, check);
    const id = await this.insert(m, 'units', UnitEntity, { buildingId, name, retiredAt: null });
    return this.created(m, actor, building.streetId, 'units', id, name, `（${building.name}）`);
  }

  /** 职能部门 the street can whistle for (吹哨报到). */
  async createDepartment(m: EntityManager, actor: SetupActor, streetId: number, name: string): Promise<SetupNode> {
    await this.lockStreet(m, streetId);
    const id = await this.insert(m, 'departments', DepartmentEntity, { streetId, name, retiredAt: null });
    return this.created(m, actor, streetId, 'departments', id, name);
  }

  /** 志愿服务队 of the street (communityId null) or of an active community of it (`check` runs on that community). */
  async createTeam(m: EntityManager, actor: SetupActor, streetId: number, communityId: number | null, name: string, check?: ParentCheck): Promise<SetupNode> {
    if (communityId !== null) {
      const community = await this.activeParent(m, 'communities', communityId, check);
      if (community.streetId !== streetId) throw areaNotFound('communities');
    } else {
      await this.assertStreetTeamNameFree(m, streetId, name, null);
    }
    const level = communityId === null ? 'street' : 'community';
    const id = await this.insert(m, 'volunteer-teams', VolunteerTeamEntity, { streetId, communityId, level, name, leaderUserId: null, createdAt: new Date(), retiredAt: null });
    return this.created(m, actor, streetId, 'volunteer-teams', id, name, communityId === null ? '（街道级）' : '');
  }

  /**
   * Street-level team names: community_id is null there, which a unique key does not compare, so the name is checked
   * under the street row's lock (every street-level team create and rename takes it first).
   */
  async assertStreetTeamNameFree(m: EntityManager, streetId: number, name: string, exceptId: number | null): Promise<void> {
    await this.lockStreet(m, streetId);
    const same: unknown[] = await m.query('SELECT id FROM volunteer_teams WHERE street_id = ? AND community_id IS NULL AND name = ? AND id <> ?', [streetId, name, exceptId ?? 0]);
    if (same.length) throw nameTaken('volunteer-teams', name);
  }

  /** Appends the audit entry of an organisation change (in the caller's transaction). */
  record(m: EntityManager, action: AuditAction, actor: SetupActor, streetId: number, target: { type: string; id: number }, detail: string): Promise<void> {
    return this.audit.record(m, { action, streetId, actor, target, detail });
  }

  /** The street row, locked: it serialises the street's own children (communities, departments, street-level teams). */
  private async lockStreet(m: EntityManager, streetId: number): Promise<void> {
    await m.query(`SELECT id FROM streets WHERE id = ?${this.db.forUpdate}`, [streetId]);
  }

  /** The parent row, locked, which must exist (and pass the caller's `check`) and be active. */
  private async activeParent(m: EntityManager, kind: SetupKind, id: number, check?: ParentCheck): Promise<AreaRow> {
    const row = await locate(m, kind, id, this.db.forUpdate);
    check?.(row);
    if (row.retired || row.parentRetired) throw parentRetired(SetupKindLabels[kind]);
    return row;
  }

  private async insert<T extends object>(m: EntityManager, kind: SetupKind, entity: new () => T, values: Partial<T>): Promise<number> {
    try {
      return Number((await m.insert(entity, values as never)).identifiers[0].id);
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(kind, String((values as { name?: string }).name));
      throw err;
    }
  }

  private async created(m: EntityManager, actor: SetupActor, streetId: number, kind: SetupKind, id: number, name: string, more = ''): Promise<SetupNode> {
    await this.record(m, 'org.create', actor, streetId, { type: KINDS[kind].target, id }, `新建${SetupKindLabels[kind]}“${name}”${more}`);
    return { kind, id, name, retired: false };
  }
}
