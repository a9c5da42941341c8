import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual, MoreThan } from 'typeorm';
import {
  SESSIONS_AHEAD, type CancelSessionRequest, type CreateSeriesRequest, type MoveSessionRequest, type SeriesItem,
  type SeriesUpdateResult, type SessionItem, type UpdateSeriesRequest,
} from '../../../../contracts/deliberation.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess, type Member } from './deliberation-access';
import { DeliberationRegistrationEntity, DeliberationSeriesEntity, DeliberationSessionEntity } from './deliberation.entities';
import { sessionLink, toRegistrationItem, toSeriesItem, toSessionItem } from './deliberation.mapper';
import { DeliberationRepository } from './deliberation.repository';
import { chinaTime, nextSlots, sessionTimes } from './schedule';

/** The columns a series request sets, named one by one (never the request body as it came). */
const seriesFields = (b: CreateSeriesRequest | UpdateSeriesRequest) => ({
  name: b.name, place: b.place, weekday: b.weekday, time: b.time, durationMinutes: b.durationMinutes, seats: b.seats,
  reservedSeats: b.reservedSeats, opensDaysBefore: b.opensDaysBefore, closesHoursBefore: b.closesHoursBefore,
});

/** Series and their sessions: staff create a series, the job keeps the next sessions in place, staff cancel or move one. */
@Injectable()
export class DeliberationSeriesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationRepository,
    private readonly access: DeliberationAccess,
    private readonly notifications: NotificationsService,
  ) {}

  async createSeries(auth: AuthClaims, body: CreateSeriesRequest): Promise<SeriesItem> {
    const { user, communityId } = await this.access.member(auth);
    const now = new Date();
    const id = await this.db.transaction(async (m) => {
      const r = await m.insert(DeliberationSeriesEntity, {
        streetId: Number(user.streetId), communityId, ...seriesFields(body), active: true, createdBy: user.id, createdAt: now,
      });
      return Number(r.identifiers[0].id);
    });
    const series = (await this.repo.findSeries(id))!;
    await this.ensureSessions(series, now);
    return toSeriesItem(series);
  }

  /**
   * Changes a series. Upcoming sessions nobody has signed up for take the new day, time, place and seats at once
   * (a conditional update, so a sign-up arriving meanwhile keeps its session as it was); sessions with registrations
   * keep their date and place (staff move them one by one, which notifies everyone) and take the new seat numbers
   * only where the seats already taken still fit.
   */
  async updateSeries(auth: AuthClaims, seriesId: number, body: UpdateSeriesRequest): Promise<SeriesUpdateResult> {
    const member = await this.access.member(auth);
    const current = await this.ownSeries(member.communityId, seriesId);
    const now = new Date();
    const fields = seriesFields(body);
    const next = { ...current, ...fields };
    let sessionsUpdated = 0;
    let sessionsKept = 0;
    await this.db.transaction(async (m) => {
      const r = await m.update(DeliberationSeriesEntity, { id: seriesId, active: true }, fields);
      if (affectedRows(r) !== 1) throw this.seriesEnded();
      const upcoming = await m.find(DeliberationSessionEntity, {
        where: { seriesId, status: 'scheduled', startsAt: MoreThan(now) }, order: { startsAt: 'ASC', id: 'ASC' },
      });
      const retimed = current.weekday !== next.weekday || current.time !== next.time;
      const kept = upcoming.filter((s) => s.taken > 0 || s.reservedTaken > 0 || s.waitlistSeq > 0);
      // Slots a session of this series already holds (kept ones, and cancelled ones: a cancelled slot stays cancelled).
      const held = await m.find(DeliberationSessionEntity, { where: { seriesId, slotAt: MoreThan(now) }, select: { id: true, slotAt: true, status: true } });
      const usedSlots = new Set(held.filter((h) => h.status !== 'scheduled' || kept.some((k) => k.id === h.id)).map((h) => new Date(h.slotAt).getTime()));
      const freeSlots = nextSlots(next, now, SESSIONS_AHEAD + kept.length).filter((d) => !usedSlots.has(d.getTime()));
      const capacity = next.seats - next.reservedSeats;
      for (const s of upcoming) {
        if (kept.includes(s)) {
          const startsAt = new Date(s.startsAt);
          const c = await m.createQueryBuilder().update(DeliberationSessionEntity)
            .set({ capacity, reservedCapacity: next.reservedSeats, ...sessionTimes(next, startsAt), updatedAt: now })
            .where('id = :id AND taken <= :capacity AND reserved_taken <= :reserved', { id: s.id, capacity, reserved: next.reservedSeats })
            .execute();
          if (affectedRows(c) !== 1) await m.update(DeliberationSessionEntity, { id: s.id }, { ...sessionTimes(next, startsAt), updatedAt: now });
          sessionsKept++;
          continue;
        }
        const slotAt = retimed ? freeSlots.shift() : new Date(s.slotAt);
        const moved = new Date(s.startsAt).getTime() !== new Date(s.slotAt).getTime();
        const startsAt = retimed || !moved ? slotAt! : new Date(s.startsAt);
        const u = await m.createQueryBuilder().update(DeliberationSessionEntity)
          .set({ slotAt, startsAt, ...sessionTimes(next, startsAt), place: next.place, capacity, reservedCapacity: next.reservedSeats, updatedAt: now })
          .where('id = :id AND taken = 0 AND reserved_taken = 0 AND waitlist_seq = 0', { id: s.id })
          .execute();
        if (affectedRows(u) === 1) sessionsUpdated++;
        else sessionsKept++;
      }
    });
    const series = (await this.repo.findSeries(seriesId))!;
    await this.ensureSessions(series, now);
    return { series: toSeriesItem(series), sessionsUpdated, sessionsKept };
  }

  /** Ends a series: no new sessions are created; sessions already planned stay (staff cancel them one by one, with notices). */
  async endSeries(auth: AuthClaims, seriesId: number): Promise<SeriesItem> {
    const member = await this.access.member(auth);
    await this.ownSeries(member.communityId, seriesId);
    const r = await this.db.transaction((m) => m.update(DeliberationSeriesEntity, { id: seriesId, active: true }, { active: false }));
    if (affectedRows(r) !== 1) throw this.seriesEnded();
    return toSeriesItem((await this.repo.findSeries(seriesId))!);
  }

  private async ownSeries(communityId: number, seriesId: number): Promise<DeliberationSeriesEntity> {
    const s = await this.repo.findSeries(seriesId);
    if (!s || s.communityId !== communityId) throw new DomainException(ErrorCode.SERIES_NOT_FOUND, 404, '没有找到这个议事系列');
    if (!s.active) throw this.seriesEnded();
    return s;
  }

  private seriesEnded(): DomainException {
    return new DomainException(ErrorCode.SERIES_ENDED, 409, '这个议事系列已经停止');
  }

  async listSeries(auth: AuthClaims): Promise<SeriesItem[]> {
    const { communityId } = await this.access.member(auth);
    const rows = await this.db.manager.find(DeliberationSeriesEntity, { where: { communityId, active: true }, order: { id: 'ASC' } });
    return rows.map(toSeriesItem);
  }

  /** Makes sure the next SESSIONS_AHEAD sessions of a series exist; each is created once, whoever runs this (unique slot). */
  async ensureSessions(series: DeliberationSeriesEntity, now: Date): Promise<number> {
    let created = 0;
    for (const slotAt of nextSlots(series, now, SESSIONS_AHEAD)) {
      const t = sessionTimes(series, slotAt);
      const ok = await this.repo.insertSessionOnce({
        seriesId: series.id, communityId: series.communityId, slotAt, startsAt: slotAt, ...t, place: series.place, status: 'scheduled',
        cancelReason: null, capacity: series.seats - series.reservedSeats, taken: 0, reservedCapacity: series.reservedSeats, reservedTaken: 0,
        waitlistSeq: 0, waitlistCount: 0, createdAt: now, updatedAt: now,
      });
      if (ok) created++;
    }
    return created;
  }

  /** Upcoming (not yet ended) sessions of my community, soonest first, with seats left and my registration. */
  async upcoming(auth: AuthClaims): Promise<SessionItem[]> {
    const member = await this.access.member(auth);
    const now = new Date();
    const sessions = await this.db.manager.find(DeliberationSessionEntity, {
      where: { communityId: member.communityId, endsAt: MoreThan(now) }, order: { startsAt: 'ASC', id: 'ASC' }, take: 50,
    });
    return this.items(member, sessions, now);
  }

  /** Ended sessions of my community (held or cancelled), newest first: where staff find their minutes and residents their results. */
  async past(auth: AuthClaims, limit: number): Promise<SessionItem[]> {
    const member = await this.access.member(auth);
    const now = new Date();
    const sessions = await this.db.manager.find(DeliberationSessionEntity, {
      where: { communityId: member.communityId, endsAt: LessThanOrEqual(now) }, order: { startsAt: 'DESC', id: 'DESC' }, take: limit,
    });
    return this.items(member, sessions, now);
  }

  /** Sessions with their series name and my registration (and my place on each waiting list): a fixed number of queries. */
  private async items(member: Member, sessions: DeliberationSessionEntity[], now: Date): Promise<SessionItem[]> {
    if (!sessions.length) return [];
    const ids = sessions.map((s) => s.id);
    const seriesIds = [...new Set(sessions.map((s) => s.seriesId))];
    const [series, mine, positions] = await Promise.all([
      this.db.manager.find(DeliberationSeriesEntity, { where: { id: In(seriesIds) }, select: { id: true, name: true } }),
      this.db.manager.find(DeliberationRegistrationEntity, { where: { userId: member.user.id, sessionId: In(ids) } }),
      this.repo.waitlistPositions(member.user.id, ids),
    ]);
    const names = new Map(series.map((s) => [s.id, s.name]));
    const mineBySession = new Map(mine.map((r) => [r.sessionId, toRegistrationItem(r, positions.get(r.sessionId) ?? null)]));
    return sessions.map((s) => toSessionItem(s, names.get(s.seriesId) ?? '', mineBySession.get(s.id) ?? null, now));
  }

  async cancel(auth: AuthClaims, sessionId: number, body: CancelSessionRequest): Promise<SessionItem> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    this.assertNotStarted(session);
    await this.db.transaction(async (m) => {
      if (!(await this.repo.cancelSession(m, sessionId, body.reason, new Date()))) throw this.cancelled();
      for (const userId of await this.repo.registeredUsers(m, sessionId)) {
        await this.notifications.notify(m, {
          userId, type: 'deliberation.session_cancelled', title: '议事活动取消',
          body: `您报名的${chinaTime(session.startsAt)}议事活动已取消：${body.reason}`, link: sessionLink(sessionId),
        });
      }
    });
    return this.oneOf(member, sessionId);
  }

  async move(auth: AuthClaims, sessionId: number, body: MoveSessionRequest): Promise<SessionItem> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    this.assertNotStarted(session);
    const startsAt = new Date(body.startsAt);
    if (startsAt <= new Date()) throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, '新的时间必须在将来', [{ path: 'startsAt', message: 'must be in the future' }]);
    const series = (await this.repo.findSeries(session.seriesId))!;
    const place = body.place ?? session.place;
    await this.db.transaction(async (m) => {
      if (!(await this.repo.moveSession(m, sessionId, { startsAt, ...sessionTimes(series, startsAt), place }, new Date()))) throw this.cancelled();
      for (const userId of await this.repo.registeredUsers(m, sessionId)) {
        await this.notifications.notify(m, {
          userId, type: 'deliberation.session_moved', title: '议事活动改期',
          body: `您报名的${chinaTime(session.startsAt)}议事活动改到${chinaTime(startsAt)}，地点：${place}`, link: sessionLink(sessionId),
        });
      }
    });
    return this.oneOf(member, sessionId);
  }

  /** One session of my community (past ones too), with seats left and my registration. */
  async one(auth: AuthClaims, sessionId: number): Promise<SessionItem> {
    return this.oneOf(await this.access.member(auth), sessionId);
  }

  private async oneOf(member: Member, sessionId: number): Promise<SessionItem> {
    const s = await this.access.session(member, sessionId);
    const [item] = await this.items(member, [s], new Date());
    return item;
  }

  private assertNotStarted(s: DeliberationSessionEntity): void {
    if (s.status === 'cancelled') throw this.cancelled();
    if (new Date(s.startsAt) <= new Date()) throw new DomainException(ErrorCode.SESSION_STARTED, 409, '这场议事已经开始，不能再更改');
  }

  private cancelled(): DomainException {
    return new DomainException(ErrorCode.SESSION_CANCELLED, 409, '这场议事已经取消');
  }
}
