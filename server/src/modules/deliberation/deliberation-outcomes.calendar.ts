import { Injectable } from '@nestjs/common';
import type { AuthClaims } from '../../common/auth/token.service';
import { DatabaseService } from '../../database/database.service';
import { OutcomesAccess } from './deliberation-outcomes.access';
import { DeliberationSeriesEntity } from './deliberation.entities';
import { DeliberationAgendaItemEntity } from './deliberation-topics.entities';
import { buildIcs } from './ics';

export interface CalendarFile {
  filename: string;
  body: string;
}

/** A session as an .ics file (the browser's "add to calendar"; WeChat uses wx.addPhoneCalendar). */
@Injectable()
export class DeliberationCalendarService {
  constructor(private readonly db: DatabaseService, private readonly access: OutcomesAccess) {}

  async ics(auth: AuthClaims, sessionId: number): Promise<CalendarFile> {
    const v = await this.access.viewer(auth);
    const { session, community } = await this.access.session(v, sessionId);
    const series = await this.db.manager.findOne(DeliberationSeriesEntity, { where: { id: session.seriesId } });
    const agenda = await this.db.manager.find(DeliberationAgendaItemEntity, { where: { sessionId }, order: { position: 'ASC' }, select: { id: true, title: true } });
    const name = series?.name ?? '议事亭';
    const description = [
      `${community.name}${name}`,
      ...(agenda.length ? ['议程：', ...agenda.map((a, i) => `${i + 1}. ${a.title}`)] : []),
      ...(session.status === 'cancelled' && session.cancelReason ? [`已取消：${session.cancelReason}`] : []),
    ].join('\n');
    const created = new Date(session.createdAt).getTime();
    const body = buildIcs({
      uid: `deliberation-session-${session.id}@linli`,
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      stamp: new Date(),
      summary: name,
      location: session.place,
      description,
      // Every change (move, cancel) updates updated_at, so calendars replace the event they already have.
      sequence: Math.max(0, Math.floor((new Date(session.updatedAt).getTime() - created) / 1000)),
      cancelled: session.status === 'cancelled',
      alarmMinutesBefore: 60,
    });
    return { filename: `deliberation-session-${session.id}.ics`, body };
  }
}
