import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { VolunteerSkillLabels, WINDOW_MAX_DAYS_AHEAD } from '../../../../contracts/volunteers.constants';
import type {
  ConfirmHelpRequest, ConfirmOnBehalf, CreateHelpRequest, HelpRequestDetail, HelpRequestItem, ProxyHelpRequest,
} from '../../../../contracts/volunteers.contract';
import { inScope, scopeOf } from '../../common/access';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException, forbidden } from '../../common/domain-exception';
import { IdempotencyService, type StoredResponse } from '../../common/idempotency/idempotency.service';
import { DatabaseService, retryDeadlock } from '../../database/database.service';
import { BuildingEntity, CommunityEntity, GridEntity, UnitEntity } from '../org/org.entities';
import { LEDGER_RETRIES } from '../timebank/timebank-ledger.repository';
import { TimebankService } from '../timebank/timebank.service';
import { actionsOf, HelpRequestAccess, illegal, stale, type LeanHelpContext } from './help-request-access';
import { excerpt, HelpRequestNotices, hours } from './help-request-notices';
import { canRequest, creditMinutes, serviceDay } from './help-request-lifecycle';
import { HelpRequestsQueryService } from './help-requests-query.service';
import { HelpRequestsRepository } from './help-requests.repository';
import { HelpRequestAssignmentEntity, HelpRequestEntity } from './volunteers.entities';
import { toHelpRequestDetailNamed, toHelpRequestItem, type HelpRequestNames } from './volunteers.mapper';

interface Place { unitId: number; gridId: number; communityId: number; streetId: number; names: Omit<HelpRequestNames, 'seats' | 'requesterName'> }

const windowInvalid = (message: string) => new DomainException(ErrorCode.HELP_REQUEST_WINDOW_INVALID, 422, message);
const unitNotFound = () => new DomainException(ErrorCode.UNIT_NOT_FOUND, 404, '没有找到这个单元');

/** Posting (self or 代办), cancelling, marking done and confirming help requests; confirmation credits the time bank. */
@Injectable()
export class HelpRequestsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly requests: HelpRequestsRepository,
    private readonly access: HelpRequestAccess,
    private readonly query: HelpRequestsQueryService,
    private readonly idempotency: IdempotencyService,
    private readonly notices: HelpRequestNotices,
    private readonly timebank: TimebankService,
  ) {}

  async post(auth: AuthClaims, body: CreateHelpRequest, key: string | undefined): Promise<StoredResponse<HelpRequestItem>> {
    const idem = IdempotencyService.validateKey(key);
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    if (!me.unitId) throw new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再许微心愿');
    const place = await this.placeOf(me.unitId);
    if (!place) throw unitNotFound();
    const window = checkWindow(body.windowFrom, body.windowTo);
    return this.idempotency.run({ userId: me.id, scope: 'help_requests.create', key: idem, body }, (m) =>
      this.create(m, { place, body, window, requesterId: me.id, postedBy: me.id, postedByRole: me.role, requesterName: me.name, proxy: null }));
  }

  async postForResident(auth: AuthClaims, body: ProxyHelpRequest, key: string | undefined): Promise<StoredResponse<HelpRequestItem>> {
    const idem = IdempotencyService.validateKey(key);
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const place = await this.placeOf(body.unitId);
    if (!place || !inScope(scopeOf(me), place)) throw unitNotFound();
    const window = checkWindow(body.windowFrom, body.windowTo);
    return this.idempotency.run({ userId: me.id, scope: 'help_requests.proxy', key: idem, body }, (m) =>
      this.create(m, {
        place, body, window, requesterId: null, postedBy: me.id, postedByRole: me.role, requesterName: body.residentName,
        proxy: { name: body.residentName, phone: body.residentPhone ?? null },
      }));
  }

  async cancel(auth: AuthClaims, id: number, note: string | undefined): Promise<HelpRequestDetail> {
    const { row, view } = await this.access.load(auth, id);
    if (!view.isRequester && !view.isPoster) throw forbidden('只有许愿的居民或代办的网格员可以取消');
    if (!canRequest('cancel', row.status)) throw illegal(row.status, '取消');
    await this.db.transaction(async (m) => {
      if (!(await this.cancelIn(m, row, { id: auth.sub, role: auth.role }, note))) throw stale(row);
    });
    return this.query.detail(auth, id);
  }

  /**
   * Cancels an open (or filled) request at the version read, inside the caller's transaction: its seats are released
   * and their volunteers told. False when someone else moved it first. Also used when the requester deletes their
   * account (VolunteerAccountRelease).
   */
  async cancelIn(m: EntityManager, row: HelpRequestEntity, actor: { id: number; role: string }, note: string | undefined): Promise<boolean> {
    if (!(await this.requests.transition(m, row, ['open', 'filled'], { status: 'cancelled', closedAt: new Date() }))) return false;
    const seated = await this.releaseSeats(m, row.id, ['dispatched', 'accepted']);
    await this.requests.insertEvent(m, { requestId: row.id, actorId: actor.id, actorRole: actor.role, type: 'cancelled', fromStatus: row.status, toStatus: 'cancelled', note });
    for (const v of seated) await this.notices.tell(m, v, row, 'help.cancelled', '微心愿已取消', `“${excerpt(row)}”已被取消，不用再去了`);
    return true;
  }

  async done(auth: AuthClaims, id: number, note: string | undefined): Promise<HelpRequestDetail> {
    const { row, seat } = await this.access.load(auth, id);
    if (seat?.status !== 'accepted') throw new DomainException(ErrorCode.NOT_ON_REQUEST, 403, '您没有接这条微心愿');
    if (!canRequest('done', row.status)) throw illegal(row.status, '标记完成');
    await this.db.transaction(async (m) => {
      if (!(await this.requests.transition(m, row, ['open', 'filled'], { status: 'done', doneAt: new Date(), doneBy: auth.sub }))) throw stale(row);
      // Seats still waiting for a dispatched volunteer's answer are no longer needed.
      await this.releaseSeats(m, row.id, ['dispatched']);
      await this.requests.insertEvent(m, { requestId: row.id, actorId: auth.sub, actorRole: auth.role, type: 'done', fromStatus: row.status, toStatus: 'done', volunteerId: auth.sub, note });
      await this.notices.tell(m, row.requesterId ?? row.postedBy, row, 'help.done', '志愿者已完成服务', `“${excerpt(row)}”已完成，请确认并评价`);
    });
    return this.query.detail(auth, id);
  }

  async confirm(auth: AuthClaims, id: number, body: ConfirmHelpRequest): Promise<HelpRequestDetail> {
    const ctx = await this.access.loadLean(auth, id);
    if (!ctx.view.isRequester) throw forbidden('只有许愿的居民可以确认');
    return this.complete(auth, ctx, { rating: body.rating, comment: body.comment ?? null, minutes: undefined, version: body.version });
  }

  async confirmOnBehalf(auth: AuthClaims, id: number, body: ConfirmOnBehalf): Promise<HelpRequestDetail> {
    const ctx = await this.access.loadLean(auth, id);
    if (!ctx.view.isStaff) throw forbidden('只有本辖区的工作人员可以代为确认');
    return this.complete(auth, ctx, { rating: body.rating ?? null, comment: body.comment ?? null, minutes: body.minutes, version: body.version });
  }

  /**
   * done → confirmed and the hours, in ONE transaction (run again whole if MariaDB picks it as a deadlock victim):
   * only one confirmation wins the conditional update at the version read, and the time bank's unique (source, id,
   * volunteer) key would refuse a second credit anyway. One read before (HELP_CONTEXT_SQL); the answer is built from
   * what was written and the seats read inside, with the history read once after.
   */
  private async complete(
    auth: AuthClaims, ctx: LeanHelpContext, c: { rating: number | null; comment: string | null; minutes: number | undefined; version: number | undefined },
  ): Promise<HelpRequestDetail> {
    const { row } = ctx;
    if (!canRequest('confirm', row.status)) throw illegal(row.status, '确认');
    if (c.version !== undefined && c.version !== Number(row.version)) throw stale(row);
    const minutes = creditMinutes(row.windowFrom, row.windowTo, c.minutes);
    const now = new Date();
    const note = [c.rating ? `评分 ${c.rating}` : null, c.comment, `每人计 ${hours(minutes)}`].filter(Boolean).join('；');
    const { seats, eventId } = await retryDeadlock(() => this.db.transaction(async (m) => {
      if (!(await this.requests.confirmDone(m, row, { by: auth.sub, rating: c.rating, comment: c.comment, minutes, at: now }))) throw stale(row);
      const ev = await this.requests.insertEvent(m, { requestId: row.id, actorId: auth.sub, actorRole: auth.role, type: 'confirmed', fromStatus: 'done', toStatus: 'confirmed', note });
      const state = await this.requests.seats(m, row.id);
      const volunteers = state.seats.filter((s) => s.status === 'accepted').map((s) => s.userId);
      const credits = await this.timebank.creditHoursMany(m, volunteers.map((volunteerId) => ({
        communityId: row.communityId, streetId: row.streetId, volunteerId, minutes, source: 'help_request' as const, sourceId: row.id,
        memo: `微心愿：${excerpt(row)}`, at: serviceDay(row), createdBy: auth.sub,
      })));
      for (const [k, volunteerId] of volunteers.entries()) {
        const credited = credits[k].duplicate ? 0 : credits[k].creditedMinutes;
        await this.notices.tell(m, volunteerId, row, 'help.confirmed', '服务已确认', `“${excerpt(row)}”已确认完成，${credited > 0 ? `存入红色银行 ${hours(credited)}` : '今日时长已达上限，本次未计入'}`);
      }
      return { seats: state, eventId: ev };
    }), LEDGER_RETRIES);
    const after: HelpRequestEntity = {
      ...row, status: 'confirmed', version: Number(row.version) + 1, takenCount: seats.takenCount, confirmedAt: now, confirmedBy: auth.sub,
      rating: c.rating, ratingComment: c.comment, creditedMinutes: minutes, closedAt: now, updatedAt: now,
    };
    const item = toHelpRequestItem(after, { ...ctx.names, seats: seats.seats }, ctx.seat?.status ?? null, actionsOf(after, ctx.view));
    return toHelpRequestDetailNamed(item, await this.requests.eventsUpTo(row.id, eventId));
  }

  private async create(
    m: EntityManager,
    c: { place: Place; body: CreateHelpRequest; window: { from: Date; to: Date }; requesterId: number | null; postedBy: number; postedByRole: string; requesterName: string; proxy: { name: string; phone: string | null } | null },
  ): Promise<HelpRequestItem> {
    const now = new Date();
    const { place, body } = c;
    const values = {
      streetId: place.streetId, communityId: place.communityId, gridId: place.gridId, unitId: place.unitId, requesterId: c.requesterId, postedBy: c.postedBy,
      proxyName: c.proxy?.name ?? null, proxyPhone: c.proxy?.phone ?? null, skill: body.skill, description: body.description,
      windowFrom: c.window.from, windowTo: c.window.to, placeDetail: body.placeDetail ?? null, volunteersNeeded: body.volunteersNeeded ?? 1, takenCount: 0,
      status: 'open' as const, version: 1, doneAt: null, doneBy: null, confirmedAt: null, confirmedBy: null, rating: null, ratingComment: null,
      creditedMinutes: null, closedAt: null, createdAt: now, updatedAt: now,
    };
    const id = Number((await m.insert(HelpRequestEntity, values)).identifiers[0].id);
    const row = { ...values, id } as HelpRequestEntity;
    await this.requests.insertEvent(m, {
      requestId: id, actorId: c.postedBy, actorRole: c.postedByRole, type: 'posted', fromStatus: null, toStatus: 'open', note: c.proxy ? `网格员代办，居民：${c.proxy.name}` : null,
    });
    for (const s of await this.requests.staffIds(m, place.communityId)) {
      await this.notices.tell(m, s, row, 'help.posted', '新的微心愿', `${c.requesterName}：${VolunteerSkillLabels[body.skill]}，${excerpt(row)}`);
    }
    return toHelpRequestItem(row, { ...place.names, requesterName: c.requesterName, seats: [] }, null, c.requesterId ? ['cancel'] : ['dispatch', 'cancel']);
  }

  /** Puts seats in `from` to 'released'; returns whose they were. */
  private async releaseSeats(m: EntityManager, requestId: number, from: ('dispatched' | 'accepted')[]): Promise<number[]> {
    const ids = await this.requests.seatedIds(m, requestId, from);
    if (ids.length) await m.update(HelpRequestAssignmentEntity, { requestId, status: In(from) }, { status: 'released', updatedAt: new Date() });
    return ids;
  }

  /** Where a unit is, with the names an answer shows (read before the transaction). */
  private async placeOf(unitId: number): Promise<Place | null> {
    const m = this.db.manager;
    const unit = await m.findOne(UnitEntity, { where: { id: unitId } });
    const building = unit ? await m.findOne(BuildingEntity, { where: { id: unit.buildingId } }) : null;
    const grid = building ? await m.findOne(GridEntity, { where: { id: building.gridId } }) : null;
    const community = grid ? await m.findOne(CommunityEntity, { where: { id: grid.communityId } }) : null;
    if (!unit || !building || !grid || !community) return null;
    return {
      unitId: unit.id, gridId: grid.id, communityId: community.id, streetId: community.streetId,
      names: { communityName: community.name, gridName: grid.name, unitLabel: `${community.name} ${building.name} ${unit.name}` },
    };
  }
}

function checkWindow(fromIso: string, toIso: string): { from: Date; to: Date } {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  const now = Date.now();
  if (to.getTime() <= from.getTime()) throw windowInvalid('结束时间要晚于开始时间');
  if (to.getTime() <= now) throw windowInvalid('时间已经过去了，请重新选择');
  if (from.getTime() > now + WINDOW_MAX_DAYS_AHEAD * 24 * 3600_000) throw windowInvalid(`最多提前 ${WINDOW_MAX_DAYS_AHEAD} 天许愿`);
  return { from, to };
}

