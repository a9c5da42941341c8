import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { Page, PageQuery } from '../../../../contracts/common.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { NotificationItem, UnreadCountResponse } from '../../../../contracts/notifications.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { decodeCursor, encodeCursor, toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: number;
  type: string;
  title: string;
  body: string;
  link?: string | null;
}

/** The in-app notification centre: one list per user, unread count, mark read. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DatabaseService) {}

  /** Written inside the transaction of the change that caused it. */
  async notify(m: EntityManager, n: NewNotification): Promise<void> {
    // Hand-written INSERT: notifications are written on every hot path (submit, accept, ...).
    await this.db.insert(
      m,
      'INSERT INTO notifications (user_id, type, title, body, link, read_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      [n.userId, n.type, n.title.slice(0, 100), n.body.slice(0, 500), n.link ?? null, this.db.dateParam(new Date())],
    );
  }

  async list(auth: AuthClaims, query: PageQuery): Promise<Page<NotificationItem>> {
    const before = decodeCursor(query.cursor);
    if (before === -1) throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, '翻页参数不正确');
    const qb = this.db.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.user_id = :userId', { userId: auth.sub })
      .orderBy('n.id', 'DESC')
      .limit(query.limit + 1);
    if (before !== null) qb.andWhere('n.id < :before', { before });
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit).map(toItem);
    return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  async unreadCount(auth: AuthClaims): Promise<UnreadCountResponse> {
    return { unread: await this.db.manager.count(NotificationEntity, { where: { userId: auth.sub, readAt: IsNull() } }) };
  }

  async markRead(auth: AuthClaims, id: number): Promise<UnreadCountResponse> {
    const found = await this.db.manager.findOne(NotificationEntity, { where: { id, userId: auth.sub }, select: { id: true } });
    if (!found) throw new DomainException(ErrorCode.NOTIFICATION_NOT_FOUND, 404, '没有找到这条消息');
    await this.db.transaction((m) => m.update(NotificationEntity, { id, userId: auth.sub, readAt: IsNull() }, { readAt: new Date() }));
    return this.unreadCount(auth);
  }

  async markAllRead(auth: AuthClaims): Promise<UnreadCountResponse> {
    await this.db.transaction((m) => m.update(NotificationEntity, { userId: auth.sub, readAt: IsNull() }, { readAt: new Date() }));
    return this.unreadCount(auth);
  }
}

function toItem(n: NotificationEntity): NotificationItem {
  return { id: n.id, type: n.type, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: toIso(n.createdAt)! };
}
