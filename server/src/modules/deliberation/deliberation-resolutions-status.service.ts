import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  RESOLUTION_TRANSITIONS, ResolutionStatusLabels, type ChangeResolutionStatusRequest, type FollowResponse, type ResolutionDetail,
  type ResolutionStatus,
} from '../../../../contracts/deliberation-outcomes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import type { DeliberationResolutionEntity } from './deliberation-outcomes.entities';
import { resolutionLink } from './deliberation-resolutions.mapper';
import { ResolutionsRepository } from './deliberation-resolutions.repository';
import { DeliberationResolutionsService, StaleVersion } from './deliberation-resolutions.service';

const illegal = (message: string) => new DomainException(ErrorCode.RESOLUTION_ILLEGAL_TRANSITION, 409, message);
const short = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * Status changes (conditional on version and status, one history entry each), progress notes, and
 * following. Followers and the topic's proposer are told of every status change in the same transaction;
 * the street's staff are told when a resolution is escalated to them.
 */
@Injectable()
export class DeliberationResolutionStatusService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OutcomesAccess,
    private readonly repo: ResolutionsRepository,
    private readonly resolutions: DeliberationResolutionsService,
    private readonly notifications: NotificationsService,
  ) {}

  async change(auth: AuthClaims, id: number, body: ChangeResolutionStatusRequest): Promise<ResolutionDetail> {
    const v = await this.access.viewer(auth);
    const r = await this.resolutions.visible(v, id);
    this.assertMayAct(v);
    if (r.version !== body.version) return this.resolutions.guarded(v, id, () => Promise.reject(new StaleVersion()));
    this.assertLegal(v, r.status, body.to);
    if (r.status === 'done' && !body.note) throw new DomainException(ErrorCode.RESOLUTION_NOTE_REQUIRED, 422, '重新打开已完成的决议，请写明原因');
    const note = body.note ?? null;
    await this.resolutions.guarded(v, id, () =>
      this.db.transaction(async (m) => {
        const now = new Date();
        const patch = {
          status: body.to,
          doneAt: body.to === 'done' ? now : null,
          escalationReason: body.to === 'escalated' ? note : null,
        };
        if (!(await this.repo.patch(m, id, body.version, patch, now, r.status))) throw new StaleVersion();
        await this.repo.insertEvent(m, { resolutionId: id, kind: 'status', fromStatus: r.status, toStatus: body.to, note, byUserId: v.user.id, at: now });
        await this.tell(m, r, body.to, note, v.user.id);
      }),
    );
    return this.resolutions.detailFor(v, await this.resolutions.visible(v, id));
  }

  async note(auth: AuthClaims, id: number, note: string): Promise<ResolutionDetail> {
    const v = await this.access.viewer(auth);
    const r = await this.resolutions.visible(v, id);
    this.assertMayAct(v);
    if (v.kind === 'street' && r.status !== 'escalated') throw illegal('街道只能为上报到街道的决议记录进展');
    await this.db.transaction(async (m) => {
      // The status as it is inside this transaction, so the entry never names a status the resolution no longer has.
      const current = (await this.repo.find(id, m))!;
      await this.repo.insertEvent(m, { resolutionId: id, kind: 'note', fromStatus: current.status, toStatus: current.status, note, byUserId: v.user.id, at: new Date() });
    });
    return this.resolutions.detailFor(v, await this.resolutions.visible(v, id));
  }

  async follow(auth: AuthClaims, id: number, on: boolean): Promise<FollowResponse> {
    const v = await this.access.viewer(auth);
    await this.resolutions.visible(v, id);
    if (on) await this.repo.follow(id, v.user.id);
    else await this.repo.unfollow(id, v.user.id);
    const ctx = await this.repo.context([(await this.repo.find(id))!], v.user.id);
    return { resolutionId: id, following: ctx.following.has(id), followers: ctx.followers.get(id) ?? 0 };
  }

  /** Community staff act on their community's resolutions; the street only on escalated ones of its street. */
  private assertMayAct(v: Viewer): void {
    if (v.kind === 'member' && v.user.role !== 'community_staff') throw new DomainException(ErrorCode.FORBIDDEN, 403, '只有社区工作人员可以更新决议');
  }

  private assertLegal(v: Viewer, from: ResolutionStatus, to: ResolutionStatus): void {
    if (v.kind === 'street' && from !== 'escalated') throw illegal('街道只能处理上报到街道的决议');
    if (!RESOLUTION_TRANSITIONS[from].includes(to)) {
      throw illegal(`决议现在是“${ResolutionStatusLabels[from]}”，不能改为“${ResolutionStatusLabels[to]}”`);
    }
  }

  /** Followers and the topic's proposer (not the one acting); the street's staff on escalation. */
  private async tell(m: EntityManager, r: DeliberationResolutionEntity, to: ResolutionStatus, note: string | null, actorId: number): Promise<void> {
    const people = new Set(await this.repo.followerIds(m, r.id));
    if (r.topicId !== null) {
      const proposer = await this.repo.topicProposer(m, r.topicId);
      if (proposer !== null) people.add(proposer);
    }
    people.delete(actorId);
    const body = `决议“${short(r.text)}”${ResolutionStatusLabels[to] === '已完成' ? '已完成' : `状态更新为：${ResolutionStatusLabels[to]}`}${note ? `（${note}）` : ''}`;
    for (const userId of people) {
      await this.notifications.notify(m, { userId, type: 'deliberation.resolution_status', title: '决议有新进展', body, link: resolutionLink(r.id) });
    }
    if (to !== 'escalated') return;
    for (const userId of await this.repo.streetAdmins(m, r.streetId)) {
      if (userId === actorId) continue;
      await this.notifications.notify(m, {
        userId, type: 'deliberation.resolution_escalated', title: '社区上报了一项议事决议', body: `决议“${short(r.text)}”上报街道：${note ?? ''}`, link: resolutionLink(r.id),
      });
    }
  }
}
