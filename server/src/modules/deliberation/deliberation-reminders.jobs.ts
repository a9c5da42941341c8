import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ReminderKind } from '../../../../contracts/deliberation-outcomes.contract';
import { dbDate } from '../../common/time';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { DeliberationReminderEntity } from './deliberation-outcomes.entities';
import { sessionLink } from './deliberation.mapper';
import { dueReminders, LOOKAHEAD_MS } from './deliberation-reminders.time';
import { chinaTime } from './schedule';

interface UpcomingRow {
  id: number;
  startsAt: Date | string;
  place: string;
  name: string;
}

/**
 * In-app reminders to the confirmed registrants of scheduled sessions (see reminderWindow). Each reminder
 * is a row unique per (session, user, kind, start) written with its notice in one transaction, so it goes
 * out once even when two processes run the job together; a moved session has a new start, so it reminds again.
 */
@Injectable()
export class DeliberationReminderJobs implements OnModuleInit {
  constructor(private readonly scheduler: SchedulerService, private readonly db: DatabaseService, private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'deliberation.reminders', everyMs: 5 * 60_000, run: (now) => this.sendDue(now) });
  }

  async sendDue(now: Date): Promise<string> {
    const sessions: UpcomingRow[] = await this.db.manager.query(
      `SELECT s.id AS id, s.starts_at AS startsAt, s.place AS place, sr.name AS name
         FROM deliberation_sessions s JOIN deliberation_series sr ON sr.id = s.series_id
        WHERE s.status = 'scheduled' AND s.starts_at > ? AND s.starts_at <= ?`,
      [this.db.dateParam(now), this.db.dateParam(new Date(now.getTime() + LOOKAHEAD_MS))],
    );
    let sent = 0;
    for (const s of sessions) {
      const startsAt = dbDate(s.startsAt);
      const kinds = dueReminders(startsAt, now);
      if (!kinds.length) continue;
      const users: { userId: number }[] = await this.db.manager.query(
        "SELECT user_id AS userId FROM deliberation_registrations WHERE session_id = ? AND status = 'confirmed' ORDER BY id",
        [s.id],
      );
      for (const kind of kinds) for (const u of users) if (await this.remind({ ...s, id: Number(s.id) }, startsAt, Number(u.userId), kind)) sent++;
    }
    return `sent ${sent}`;
  }

  /** False when this reminder was already sent (unique key). */
  private async remind(s: UpcomingRow, startsAt: Date, userId: number, kind: ReminderKind): Promise<boolean> {
    try {
      await this.db.transaction(async (m) => {
        await m.insert(DeliberationReminderEntity, { sessionId: s.id, userId, kind, startsAt, createdAt: new Date() });
        await this.notifications.notify(m, {
          userId,
          type: `deliberation.reminder_${kind}`,
          title: kind === '2h' ? '议事即将开始' : '议事提醒',
          body: `您报名的${s.name}将于${chinaTime(startsAt)}在${s.place}举行${kind === '2h' ? '，请准时到场签到' : '，别忘了参加'}。`,
          link: sessionLink(s.id),
        });
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}
