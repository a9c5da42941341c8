import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { UserEntity } from '../users/user.entity';
import { NotificationsService } from './notifications.service';

const concernLink = (id: number) => `/packages/concerns/detail/index?id=${id}`;

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
    this.events.on('concern.accepted', (m, e) =>
      this.notifications.notify(m, {
        userId: e.submitterId, type: 'concern.accepted', title: '您反映的问题已受理',
        body: `您反映的“${e.categoryLabel}”问题已由${e.actorName}受理。`, link: concernLink(e.concernId),
      }),
    );
    this.events.on('concern.accept_overdue', async (m, e) => {
      const recipients = e.holderId ? [e.holderId] : await communityStaff(m, e.communityId);
      for (const userId of recipients) {
        await this.notifications.notify(m, {
          userId, type: 'concern.accept_overdue', title: '有问题超过 24 小时未受理',
          body: `一条“${e.categoryLabel}”问题已超过 24 小时未受理，请尽快处理。`, link: concernLink(e.concernId),
        });
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
