import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { HelpRequestEntity } from './volunteers.entities';

/** The first 20 characters of a request's text, for notices and ledger memos. */
export const excerpt = (r: Pick<HelpRequestEntity, 'description'>) => (r.description.length > 20 ? `${r.description.slice(0, 20)}…` : r.description);
export const hours = (minutes: number) => `${(minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 1)} 小时`;

/** In-app notices about one help request, each linking to its page. */
@Injectable()
export class HelpRequestNotices {
  constructor(private readonly notifications: NotificationsService) {}

  tell(m: EntityManager, userId: number, row: Pick<HelpRequestEntity, 'id'>, type: string, title: string, body: string): Promise<void> {
    return this.notifications.notify(m, { userId, type, title, body, link: `/packages/volunteers/request/index?id=${row.id}` });
  }
}
