import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AssignmentStatus, HelpRequestStatus } from '../../../../contracts/volunteers.constants';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { CommunityEntity, GridEntity, UnitEntity, BuildingEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import { HelpRequestAssignmentEntity, HelpRequestEntity, HelpRequestEventEntity } from './volunteers.entities';
import type { HelpRequestNames } from './volunteers.mapper';

export interface NewHelpEvent {
  requestId: number;
  actorId: number;
  actorRole: string;
  type: string;
  fromStatus: HelpRequestStatus | null;
  toStatus: HelpRequestStatus;
  volunteerId?: number | null;
  note?: string | null;
}

/** Rows of help requests, their seats and history. Every status change is a conditional UPDATE checked by affected rows. */
@Injectable()
export class HelpRequestsRepository {
  constructor(private readonly db: DatabaseService) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<HelpRequestEntity | null> {
    return m.findOne(HelpRequestEntity, { where: { id } });
  }

  seatOf(m: EntityManager, requestId: number, volunteerId: number): Promise<HelpRequestAssignmentEntity | null> {
    return m.findOne(HelpRequestAssignmentEntity, { where: { requestId, volunteerId } });
  }

  /** Moves the request from one of `from` at the version read, bumping the version. False when someone else moved it first. */
  async transition(m: EntityManager, r: HelpRequestEntity, from: readonly HelpRequestStatus[], patch: Partial<HelpRequestEntity>): Promise<boolean> {
    const res = await m.update(HelpRequestEntity, { id: r.id, status: In([...from]), version: r.version }, { ...patch, version: Number(r.version) + 1, updatedAt: new Date() });
    return affectedRows(res) === 1;
  }

  /**
   * Takes one seat if one is free: the WHERE is the guarantee (taken_count < volunteers_needed). The second
   * UPDATE (same transaction, row already locked on MariaDB) marks the request filled when that was the last seat.
   */
  async takeSeat(m: EntityManager, id: number): Promise<boolean> {
    const res = await m.createQueryBuilder().update(HelpRequestEntity)
      .set({ takenCount: () => 'taken_count + 1', version: () => 'version + 1', updatedAt: new Date() })
      .where(`id = :id AND status = 'open' AND taken_count < volunteers_needed`, { id })
      .execute();
    if (affectedRows(res) !== 1) return false;
    await m.createQueryBuilder().update(HelpRequestEntity).set({ status: 'filled' })
      .where(`id = :id AND status = 'open' AND taken_count >= volunteers_needed`, { id }).execute();
    return true;
  }

  /** Gives a seat back (withdrawal, declined dispatch): the request is open again. */
  async giveSeatBack(m: EntityManager, id: number): Promise<boolean> {
    const res = await m.createQueryBuilder().update(HelpRequestEntity)
      .set({ status: 'open', takenCount: () => 'taken_count - 1', version: () => 'version + 1', updatedAt: new Date() })
      .where(`id = :id AND status IN ('open', 'filled') AND taken_count > 0`, { id })
      .execute();
    return affectedRows(res) === 1;
  }

  async moveSeat(m: EntityManager, seatId: number, from: readonly AssignmentStatus[], to: AssignmentStatus): Promise<boolean> {
    const res = await m.update(HelpRequestAssignmentEntity, { id: seatId, status: In([...from]) }, { status: to, updatedAt: new Date() });
    return affectedRows(res) === 1;
  }

  async insertEvent(m: EntityManager, e: NewHelpEvent): Promise<void> {
    await m.insert(HelpRequestEventEntity, { ...e, volunteerId: e.volunteerId ?? null, note: e.note ?? null, createdAt: new Date() });
  }

  events(requestId: number): Promise<HelpRequestEventEntity[]> {
    return this.db.manager.find(HelpRequestEventEntity, { where: { requestId }, order: { id: 'ASC' } });
  }

  /** Volunteers holding a seat (dispatched or accepted). */
  async seatedIds(m: EntityManager, requestId: number, statuses: AssignmentStatus[] = ['dispatched', 'accepted']): Promise<number[]> {
    const rows = await m.find(HelpRequestAssignmentEntity, { where: { requestId, status: In(statuses) }, select: { volunteerId: true } });
    return rows.map((r) => Number(r.volunteerId));
  }

  staffIds(m: EntityManager, communityId: number): Promise<number[]> {
    return m.find(UserEntity, { where: { role: 'community_staff', communityId }, select: { id: true } }).then((u) => u.map((x) => x.id));
  }

  /** Names for a batch of requests (one query per kind, not per row). */
  async names(rows: HelpRequestEntity[]): Promise<Map<number, HelpRequestNames>> {
    const out = new Map<number, HelpRequestNames>();
    if (!rows.length) return out;
    const m = this.db.manager;
    const seats = await m.find(HelpRequestAssignmentEntity, { where: { requestId: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } });
    const userIds = [...new Set([...rows.map((r) => r.requesterId ?? r.postedBy), ...seats.map((s) => s.volunteerId)])];
    const users = new Map((await m.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const communities = new Map((await m.find(CommunityEntity, { where: { id: In([...new Set(rows.map((r) => r.communityId))]) } })).map((c) => [c.id, c.name]));
    const grids = new Map((await m.find(GridEntity, { where: { id: In([...new Set(rows.map((r) => r.gridId))]) } })).map((g) => [g.id, g.name]));
    const units = await m.find(UnitEntity, { where: { id: In([...new Set(rows.map((r) => r.unitId))]) } });
    const buildings = new Map((await m.find(BuildingEntity, { where: { id: In([...new Set(units.map((u) => u.buildingId))]) } })).map((b) => [b.id, b.name]));
    const unitLabels = new Map(units.map((u) => [u.id, `${buildings.get(u.buildingId) ?? ''} ${u.name}`.trim()]));
    for (const r of rows) {
      out.set(r.id, {
        requesterName: users.get(r.requesterId ?? r.postedBy) ?? '',
        communityName: communities.get(r.communityId) ?? '',
        gridName: grids.get(r.gridId) ?? '',
        unitLabel: `${communities.get(r.communityId) ?? ''} ${unitLabels.get(r.unitId) ?? ''}`.trim(),
        seats: seats.filter((s) => s.requestId === r.id).map((s) => ({ userId: s.volunteerId, name: users.get(s.volunteerId) ?? '', status: s.status })),
      });
    }
    return out;
  }
}
