import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CreateAreaRequest, CreateGridRequest, CreateTeamRequest, SetupKind, SetupNode, SetupTree, UpdateAreaRequest,
} from '../../../../contracts/setup.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { forbidden } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import type { UserEntity } from '../users/user.entity';
import { OrgChangeService } from './org-change.service';
import { OrgSetupService, type ParentCheck, type SetupActor } from './org-setup.service';
import { areaNotFound, locate, type AreaRow } from './setup-kinds';
import { SetupTreeService } from './setup-tree.service';

const streetOnly = () => forbidden('只有街道管理员可以调整社区、职能部门和街道级志愿服务队');

/**
 * Setup over HTTP: who may change what, and one transaction per change. The street admin changes anything of their
 * street; community staff the grids, buildings, units and community-level teams of their own community. Rows outside
 * the caller's area answer 404 (as if they did not exist); kinds only the street may change answer 403.
 */
@Injectable()
export class SetupService {
  constructor(
    private readonly db: DatabaseService,
    private readonly setup: OrgSetupService,
    private readonly change: OrgChangeService,
    private readonly trees: SetupTreeService,
  ) {}

  async tree(auth: AuthClaims, withRetired: boolean): Promise<SetupTree> {
    return this.trees.tree(await this.staff(auth), withRetired);
  }

  async createCommunity(auth: AuthClaims, body: CreateAreaRequest): Promise<SetupNode> {
    const me = await this.streetAdmin(auth);
    return this.db.transaction((m) => this.setup.createCommunity(m, actorOf(me), me.streetId!, body.name));
  }

  async createDepartment(auth: AuthClaims, body: CreateAreaRequest): Promise<SetupNode> {
    const me = await this.streetAdmin(auth);
    return this.db.transaction((m) => this.setup.createDepartment(m, actorOf(me), me.streetId!, body.name));
  }

  async createGrid(auth: AuthClaims, communityId: number, body: CreateGridRequest): Promise<SetupNode> {
    const me = await this.staff(auth);
    return this.db.transaction((m) => this.setup.createGrid(m, actorOf(me), communityId, body.name, body.households ?? null, mayAddTo(me)));
  }

  async createBuilding(auth: AuthClaims, gridId: number, body: CreateAreaRequest): Promise<SetupNode> {
    const me = await this.staff(auth);
    return this.db.transaction((m) => this.setup.createBuilding(m, actorOf(me), gridId, body.name, mayAddTo(me)));
  }

  async createUnit(auth: AuthClaims, buildingId: number, body: CreateAreaRequest): Promise<SetupNode> {
    const me = await this.staff(auth);
    return this.db.transaction((m) => this.setup.createUnit(m, actorOf(me), buildingId, body.name, mayAddTo(me)));
  }

  async createTeam(auth: AuthClaims, body: CreateTeamRequest): Promise<SetupNode> {
    const me = await this.staff(auth);
    if (body.communityId === null && me.role !== 'street_admin') throw streetOnly();
    return this.db.transaction((m) => this.setup.createTeam(m, actorOf(me), me.streetId!, body.communityId, body.name, mayAddTo(me)));
  }

  update(auth: AuthClaims, kind: SetupKind, id: number, body: UpdateAreaRequest): Promise<SetupNode> {
    return this.onRow(auth, kind, id, (m, me, row) => this.change.update(m, actorOf(me), row, body));
  }

  retire(auth: AuthClaims, kind: SetupKind, id: number): Promise<SetupNode> {
    return this.onRow(auth, kind, id, (m, me, row) => this.change.retire(m, actorOf(me), row));
  }

  restore(auth: AuthClaims, kind: SetupKind, id: number): Promise<SetupNode> {
    return this.onRow(auth, kind, id, (m, me, row) => this.change.restore(m, actorOf(me), row));
  }

  /** A change to one row the caller may change (located with its lock, in the change's transaction). */
  private async onRow<T>(auth: AuthClaims, kind: SetupKind, id: number, work: (m: EntityManager, me: UserEntity, row: AreaRow) => Promise<T>): Promise<T> {
    const me = await this.staff(auth);
    return this.db.transaction(async (m) => {
      const row = await locate(m, kind, id, this.db.forUpdate);
      assertMayChange(me, row);
      return work(m, me, row);
    });
  }

  private async staff(auth: AuthClaims): Promise<UserEntity> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const placed = me.role === 'street_admin' ? me.streetId : me.role === 'community_staff' ? me.communityId && me.streetId : null;
    if (!placed) throw forbidden('您还没有负责的街道或社区');
    return me;
  }

  private async streetAdmin(auth: AuthClaims): Promise<UserEntity> {
    const me = await this.staff(auth);
    if (me.role !== 'street_admin') throw streetOnly();
    return me;
  }
}

const actorOf = (me: UserEntity): SetupActor => ({ id: me.id, role: me.role });

/** Creating under a parent the caller may change: checked by the create on the parent it locks, before it checks it is active. */
const mayAddTo = (me: UserEntity): ParentCheck => (parent) => assertMayChange(me, parent, true);

/**
 * The street admin: any row of their street. Community staff: grids, buildings, units and teams of their community —
 * and, as a parent (`asParent`), their community itself (to add grids and teams to it).
 */
function assertMayChange(me: UserEntity, row: AreaRow, asParent = false): void {
  if (row.streetId !== me.streetId) throw areaNotFound(row.kind);
  if (me.role === 'street_admin') return;
  const communityLevel = row.kind === 'grids' || row.kind === 'buildings' || row.kind === 'units' || (row.kind === 'volunteer-teams' && row.communityId !== null);
  if (!communityLevel && !(asParent && row.kind === 'communities')) throw streetOnly();
  if (row.communityId !== me.communityId) throw areaNotFound(row.kind);
}
