import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { HolderLevel } from '../../../../contracts/concerns.constants';
import { ErrorCode } from '../../../../contracts/errors';
import { inScope, scopeOf, type Scope } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DatabaseService } from '../../database/database.service';
import { DepartmentEntity, GridEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import { ConcernSupporterEntity } from './concern.entity';
import { allowedActions, levelOfRole, type ActorView } from './concern-lifecycle';
import { ConcernsRepository, type ConcernRow } from './concerns.repository';

export const concernNotFound = () => new DomainException(ErrorCode.CONCERN_NOT_FOUND, 404, '没有找到这条问题');

export interface ConcernContext {
  row: ConcernRow;
  actor: UserEntity;
  scope: Scope;
  view: ActorView;
}

/**
 * Who may see a concern: its submitter; staff whose area contains it (departments: concerns sent to
 * them); residents of its community when it is public. Everyone else gets 404, never the object.
 */
@Injectable()
export class ConcernAccess {
  constructor(private readonly db: DatabaseService, private readonly concerns: ConcernsRepository) {}

  user(auth: AuthClaims): Promise<UserEntity> {
    return loadCurrentUser(this.db.manager, auth.sub);
  }

  async load(auth: AuthClaims, id: number, m?: EntityManager): Promise<ConcernContext> {
    const actor = await this.user(auth);
    const row = await this.concerns.findRow(id, m);
    if (!row) throw concernNotFound();
    const ctx = await this.contextFor(actor, row);
    if (!ctx) throw concernNotFound();
    return ctx;
  }

  /** The caller's view of the concern, or null when they may not see it. */
  async contextFor(actor: UserEntity, row: ConcernRow): Promise<ConcernContext | null> {
    const scope = scopeOf(actor);
    const isSubmitter = Number(row.submitterId) === actor.id;
    const where = { streetId: Number(row.streetId), communityId: Number(row.communityId), gridId: Number(row.gridId) };
    const isPublicNeighbour = actor.role === 'resident' && Boolean(Number(row.isPublic)) && actor.communityId === Number(row.communityId);
    const staffSees =
      scope.level === 'department' ? Number(row.departmentId) === scope.departmentId : actor.role !== 'resident' && inScope(scope, where);
    if (!isSubmitter && !isPublicNeighbour && !staffSees) return null;
    const level = levelOfRole(actor.role);
    const holdsIt =
      staffSees && level === row.holderLevel && (level !== 'department' || Number(row.departmentId) === actor.departmentId);
    const joined = isPublicNeighbour && !isSubmitter
      ? (await this.db.manager.count(ConcernSupporterEntity, { where: { concernId: Number(row.id), userId: actor.id } })) > 0
      : false;
    const gridHasWorker = row.holderLevel === 'community'
      ? Boolean((await this.db.manager.findOne(GridEntity, { where: { id: Number(row.gridId) }, select: { id: true, gridWorkerId: true } }))?.gridWorkerId)
      : false;
    return {
      row, actor, scope,
      view: { role: actor.role, isSubmitter, holdsIt, mayJoin: isPublicNeighbour && !joined, gridHasWorker },
    };
  }

  /** PHOTO_ACCESS for the photos module: photos of a concern are served to exactly those who may see it. */
  async canSeeConcern(auth: AuthClaims, concernId: number): Promise<boolean> {
    const actor = await this.db.manager.findOne(UserEntity, { where: { id: auth.sub } });
    const row = actor ? await this.concerns.findRow(concernId) : null;
    return Boolean(actor && row && (await this.contextFor(actor, row)));
  }

  actions(ctx: ConcernContext) {
    return allowedActions({ status: ctx.row.status, holderLevel: ctx.row.holderLevel }, ctx.view);
  }

  /** Departments the street may whistle for (吹哨), only offered when escalating from the street. */
  async departmentsFor(ctx: ConcernContext): Promise<{ id: number; name: string }[]> {
    if (ctx.row.holderLevel !== 'street' || !this.actions(ctx).includes('escalate')) return [];
    const list = await this.db.manager.find(DepartmentEntity, { where: { streetId: Number(ctx.row.streetId), retiredAt: IsNull() }, order: { id: 'ASC' } });
    return list.map((d) => ({ id: d.id, name: d.name }));
  }

  /** Who must act when a concern arrives at a level: the grid worker, the community staff, the street, the department. */
  async levelRecipients(m: EntityManager, row: Pick<ConcernRow, 'gridId' | 'communityId' | 'streetId' | 'departmentId'>, level: HolderLevel): Promise<number[]> {
    if (level === 'grid') {
      const g = await m.findOne(GridEntity, { where: { id: Number(row.gridId) }, select: { id: true, gridWorkerId: true } });
      return g?.gridWorkerId ? [g.gridWorkerId] : [];
    }
    const where =
      level === 'community' ? { role: 'community_staff' as const, communityId: Number(row.communityId) }
      : level === 'street' ? { role: 'street_admin' as const, streetId: Number(row.streetId) }
      : row.departmentId ? { role: 'department' as const, departmentId: Number(row.departmentId) } : null;
    if (!where) return [];
    return (await m.find(UserEntity, { where, select: { id: true } })).map((u) => u.id);
  }
}
