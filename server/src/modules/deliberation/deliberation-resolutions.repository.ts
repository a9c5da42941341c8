import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { ResolutionActivity, ResolutionHistoryKind, ResolutionStatus } from '../../../../contracts/deliberation-outcomes.contract';
import { toIso } from '../../common/time';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { CommunityEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import {
  DeliberationResolutionEntity, DeliberationResolutionEventEntity, DeliberationResolutionFollowEntity,
} from './deliberation-outcomes.entities';
import { DeliberationSessionEntity } from './deliberation.entities';

export interface NewEvent {
  resolutionId: number;
  kind: ResolutionHistoryKind;
  fromStatus: ResolutionStatus | null;
  toStatus: ResolutionStatus;
  note: string | null;
  byUserId: number;
  at: Date;
}

export type ResolutionPatch = Partial<Pick<DeliberationResolutionEntity, 'text' | 'ownerName' | 'ownerUserId' | 'dueDate' | 'status' | 'escalationReason' | 'doneAt'>>;

/** What a list of resolutions needs beside their own rows (names, counts, the caller's follows). */
export interface ResolutionContext {
  communities: Map<number, string>;
  sessionStarts: Map<number, Date>;
  topics: Map<number, string>;
  users: Map<number, string>;
  followers: Map<number, number>;
  following: Set<number>;
}

/** Resolutions, their history and followers. State changes are conditional on `version`, checked by affected rows. */
@Injectable()
export class ResolutionsRepository {
  constructor(private readonly db: DatabaseService) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<DeliberationResolutionEntity | null> {
    return m.findOne(DeliberationResolutionEntity, { where: { id } });
  }

  bySession(sessionId: number): Promise<DeliberationResolutionEntity[]> {
    return this.db.manager.find(DeliberationResolutionEntity, { where: { sessionId }, order: { id: 'ASC' } });
  }

  async insert(m: EntityManager, values: Omit<DeliberationResolutionEntity, 'id' | 'version'>): Promise<number> {
    const r = await m.insert(DeliberationResolutionEntity, { ...values, version: 1 });
    return Number(r.identifiers[0].id);
  }

  async insertEvent(m: EntityManager, e: NewEvent): Promise<void> {
    await m.insert(DeliberationResolutionEventEntity, {
      resolutionId: e.resolutionId, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, byUserId: e.byUserId, createdAt: e.at,
    });
  }

  /** Applies a patch only if the resolution is still at `version` (and, when given, in `status`); bumps the version. */
  async patch(m: EntityManager, id: number, version: number, patch: ResolutionPatch, now: Date, status?: ResolutionStatus): Promise<boolean> {
    const qb = m
      .createQueryBuilder()
      .update(DeliberationResolutionEntity)
      .set({ ...patch, version: () => 'version + 1', updatedAt: now })
      .where('id = :id AND version = :version', { id, version });
    if (status) qb.andWhere('status = :status', { status });
    return affectedRows(await qb.execute()) === 1;
  }

  events(resolutionId: number): Promise<DeliberationResolutionEventEntity[]> {
    return this.db.manager.find(DeliberationResolutionEventEntity, { where: { resolutionId }, order: { id: 'ASC' } });
  }

  /**
   * The 小红帽 team activities (timebank module's table) started from these resolutions, earliest start first, grouped
   * by resolution: one query for any number of resolutions.
   */
  async activities(resolutionIds: number[], m: EntityManager = this.db.manager): Promise<Map<number, ResolutionActivity[]>> {
    const byResolution = new Map<number, ResolutionActivity[]>();
    if (!resolutionIds.length) return byResolution;
    const rows = (await m.query(
      `SELECT id, resolution_id AS resolutionId, title, starts_at AS startsAt, status FROM team_activities
        WHERE resolution_id IN (${resolutionIds.map(() => '?').join(', ')}) ORDER BY starts_at, id`,
      resolutionIds,
    )) as { id: number; resolutionId: number; title: string; startsAt: Date | string; status: ResolutionActivity['status'] }[];
    for (const r of rows) {
      const list = byResolution.get(Number(r.resolutionId)) ?? [];
      list.push({ id: Number(r.id), title: r.title, startsAt: toIso(r.startsAt)!, status: r.status });
      byResolution.set(Number(r.resolutionId), list);
    }
    return byResolution;
  }

  /** True when this follow is new; following twice changes nothing (unique key). */
  async follow(resolutionId: number, userId: number): Promise<boolean> {
    try {
      await this.db.transaction((m) => m.insert(DeliberationResolutionFollowEntity, { resolutionId, userId, createdAt: new Date() }));
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async unfollow(resolutionId: number, userId: number): Promise<void> {
    await this.db.transaction((m) => m.delete(DeliberationResolutionFollowEntity, { resolutionId, userId }));
  }

  async followerIds(m: EntityManager, resolutionId: number): Promise<number[]> {
    const rows = await m.find(DeliberationResolutionFollowEntity, { where: { resolutionId }, select: { id: true, userId: true } });
    return rows.map((r) => r.userId);
  }

  /** The proposer of a topic (column of the topics table), or null. */
  async topicProposer(m: EntityManager, topicId: number): Promise<number | null> {
    const rows: { userId: number | null }[] = await m.query('SELECT proposer_id AS userId FROM deliberation_topics WHERE id = ?', [topicId]);
    return rows[0]?.userId == null ? null : Number(rows[0].userId);
  }

  async streetAdmins(m: EntityManager, streetId: number): Promise<number[]> {
    const rows = await m.find(UserEntity, { where: { role: 'street_admin', streetId }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Names, counts and follows for a list of resolutions, in a fixed number of queries. */
  async context(rows: DeliberationResolutionEntity[], viewerId: number, extraUserIds: number[] = []): Promise<ResolutionContext> {
    const m = this.db.manager;
    const ids = rows.map((r) => r.id);
    const uniq = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
    const communityIds = uniq(rows.map((r) => r.communityId));
    const sessionIds = uniq(rows.map((r) => r.sessionId));
    const topicIds = uniq(rows.map((r) => r.topicId));
    const userIds = uniq([...rows.map((r) => r.ownerUserId), ...extraUserIds]);
    const [communities, sessions, topics, users, counts, mine] = await Promise.all([
      communityIds.length ? m.find(CommunityEntity, { where: { id: In(communityIds) } }) : [],
      sessionIds.length ? m.find(DeliberationSessionEntity, { where: { id: In(sessionIds) }, select: { id: true, startsAt: true } }) : [],
      topicIds.length
        ? (m.query(`SELECT id, title FROM deliberation_topics WHERE id IN (${topicIds.map(() => '?').join(',')})`, topicIds) as Promise<{ id: number; title: string }[]>)
        : [],
      userIds.length ? m.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true } }) : [],
      ids.length
        ? (m
            .createQueryBuilder(DeliberationResolutionFollowEntity, 'f')
            .select('f.resolution_id', 'id')
            .addSelect('COUNT(*)', 'n')
            .where('f.resolution_id IN (:...ids)', { ids })
            .groupBy('f.resolution_id')
            .getRawMany() as Promise<{ id: number; n: number | string }[]>)
        : [],
      ids.length ? m.find(DeliberationResolutionFollowEntity, { where: { userId: viewerId, resolutionId: In(ids) }, select: { id: true, resolutionId: true } }) : [],
    ]);
    return {
      communities: new Map(communities.map((c) => [c.id, c.name])),
      sessionStarts: new Map(sessions.map((s) => [s.id, s.startsAt])),
      topics: new Map(topics.map((t) => [Number(t.id), t.title])),
      users: new Map(users.map((u) => [u.id, u.name])),
      followers: new Map(counts.map((c) => [Number(c.id), Number(c.n)])),
      following: new Set(mine.map((f) => f.resolutionId)),
    };
  }
}
