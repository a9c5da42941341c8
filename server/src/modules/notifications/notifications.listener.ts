import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events';
import { UserEntity } from '../users/user.entity';
import { NotificationsService } from './notifications.service';

const concernLink = (id: number) => `/packages/concerns/detail/index?id=${id}`;

type Transition = Extract<DomainEvent, { type: 'concern.transitioned' }>;
type Texts = { submitter?: [string, string]; staff?: [string, string] };
const withNote = (s: string, note: string | null) => (note ? `${s}：${note}` : `${s}。`);

/** What each step tells the resident who raised the concern and the people who must act now. */
const TRANSITION_TEXT: Record<Transition['action'], (e: Transition) => Texts> = {
  accepted: (e) => ({ submitter: ['您反映的问题已受理', `您反映的“${e.categoryLabel}”问题已由${e.actorName}受理。`] }),
  started: (e) => ({ submitter: ['您反映的问题正在处理', `${e.actorName}正在处理您反映的“${e.categoryLabel}”问题。`] }),
  resolved: (e) => ({ submitter: ['您反映的问题已解决，请评价', withNote(`“${e.categoryLabel}”问题已处理`, e.note)] }),
  escalated: (e) => ({
    submitter: ['您反映的问题已上报', `“${e.categoryLabel}”问题已上报到${e.levelLabel}继续处理。`],
    staff: ['收到上报的问题', withNote(`${e.actorName}上报了一条“${e.categoryLabel}”问题`, e.note)],
  }),
  returned: (e) => ({ staff: ['问题已退回，请按意见处理', withNote(`${e.actorName}退回了一条“${e.categoryLabel}”问题`, e.note)] }),
  closed: (e) => ({ submitter: ['您反映的问题已办结', withNote(`“${e.categoryLabel}”问题已办结`, e.note)] }),
  rated: () => ({}),
  reopened: (e) => ({ staff: ['居民反映问题未解决（二次督办）', withNote(`一条“${e.categoryLabel}”问题被居民退回`, e.note)] }),
  auto_escalated: (e) => ({
    submitter: ['您反映的问题已升级处理', `“${e.categoryLabel}”问题超过办理时限，已上报到${e.levelLabel}。`],
    staff: ['问题超时，已自动上报', `一条“${e.categoryLabel}”问题超过办理时限，已自动上报到${e.levelLabel}，请尽快处理。`],
  }),
  overdue: (e) => ({ staff: ['问题已超时，请尽快处理', `一条“${e.categoryLabel}”问题已超过办理时限。`] }),
  auto_closed: (e) => ({ submitter: ['您反映的问题已自动办结', `“${e.categoryLabel}”问题解决后 7 天未评价，已自动办结。`] }),
  me_too: (e) => ({ submitter: ['又有邻居遇到了同样的问题', `${e.actorName}也遇到了您反映的“${e.categoryLabel}”问题。`] }),
};

/** Turns domain events into in-app notifications (same transaction as the event). */
@Injectable()
export class NotificationsListener implements OnModuleInit {
  constructor(private readonly events: DomainEvents, private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    this.events.on('concern.submitted', async (m, e) => {
      const recipients = e.holderId ? [e.holderId] : await communityStaff(m, e.communityId);
      for (const userId of recipients) {
        await this.notifications.notify(m, {
          userId, type: 'concern.submitted', title: '新的居民诉求',
          body: `${e.submitterName}反映了“${e.categoryLabel}”问题，请及时受理。`, link: concernLink(e.concernId),
        });
      }
    });
    this.events.on('concern.transitioned', async (m, e) => {
      const text = TRANSITION_TEXT[e.action](e);
      const link = concernLink(e.concernId);
      if (text.submitter) {
        await this.notifications.notify(m, { userId: e.submitterId, type: `concern.${e.action}`, title: text.submitter[0], body: text.submitter[1], link });
      }
      if (text.staff) {
        for (const userId of e.recipients) {
          await this.notifications.notify(m, { userId, type: `concern.${e.action}`, title: text.staff[0], body: text.staff[1], link });
        }
      }
    });
    this.events.on('resident.confirmed', (m, e) =>
      this.notifications.notify(m, {
        userId: e.residentId, type: 'resident.confirmed', title: '住址已确认',
        body: `${e.actorName}已确认您住在${e.unitLabel}。`, link: null,
      }),
    );
  }
}

async function communityStaff(m: import('typeorm').EntityManager, communityId: number): Promise<number[]> {
  const staff = await m.find(UserEntity, { where: { role: 'community_staff', communityId }, select: { id: true } });
  return staff.map((s) => s.id);
}
