import { Injectable, OnModuleInit } from '@nestjs/common';
import { topicPath } from '../../../../contracts/deliberation-topics.constants';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { DeliberationAgendaPlacement } from './deliberation-agenda.placement';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';

interface OnAgenda {
  topicId: number;
  itemId: number;
  sessionId: number;
  communityId: number;
}

/**
 * Every 10 minutes, once across processes (job_runs): topics whose session has ended become discussed;
 * topics on the agenda of a cancelled session return to the queue; queued topics are placed on the next
 * sessions with free agenda space (new sessions appear as the series job creates them). Each step is a
 * conditional update, so an overlapping run (or a request) doing the same work changes nothing twice.
 */
@Injectable()
export class DeliberationTopicsJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly placement: DeliberationAgendaPlacement,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'deliberation.topics', everyMs: 600_000, run: (now) => this.run(now) });
  }

  async run(now: Date): Promise<string> {
    const discussed = await this.markDiscussed(now);
    const returned = await this.returnFromCancelled(now);
    const communities: { c: number }[] = await this.db.manager.query(
      `SELECT DISTINCT community_id AS c FROM deliberation_topics WHERE status = 'queued' AND auto_place = 1 ORDER BY community_id`,
    );
    let placed = 0;
    for (const { c } of communities) placed += await this.placement.placeQueue(Number(c), now);
    return `discussed ${discussed}, returned ${returned}, placed ${placed}`;
  }

  private onAgenda(sessionCondition: string, now: Date): Promise<OnAgenda[]> {
    return this.db.manager.query(
      `SELECT t.id AS topicId, a.id AS itemId, a.session_id AS sessionId, t.community_id AS communityId
         FROM deliberation_topics t
         JOIN deliberation_agenda_items a ON a.topic_id = t.id
         JOIN deliberation_sessions s ON s.id = a.session_id
        WHERE t.status = 'on_agenda' AND ${sessionCondition} ORDER BY t.id LIMIT 500`,
      sessionCondition.includes('?') ? [this.repo.date(now)] : [],
    );
  }

  async markDiscussed(now: Date): Promise<number> {
    let n = 0;
    for (const r of await this.onAgenda("s.status = 'scheduled' AND s.ends_at <= ?", now)) {
      const done = await retryDeadlock(() => this.db.transaction((m) => this.repo.transition(m, Number(r.topicId), ['on_agenda'], 'discussed', now)));
      if (done) n++;
    }
    return n;
  }

  /** The session was cancelled: its topics queue again (automatic placement as before) and their items go. */
  async returnFromCancelled(now: Date): Promise<number> {
    let n = 0;
    for (const r of await this.onAgenda("s.status = 'cancelled'", now)) {
      const { supportThreshold } = await this.repo.settings(Number(r.communityId));
      const done = await retryDeadlock(() =>
        this.db.transaction(async (m) => {
          const topicId = Number(r.topicId);
          const back =
            (await this.repo.transition(m, topicId, ['on_agenda'], 'queued', now, { queued_at: this.repo.date(now) }, 'support_count >= ?', [supportThreshold])) ||
            (await this.repo.transition(m, topicId, ['on_agenda'], 'proposed', now, { queued_at: null }));
          if (!back) return false;
          await this.repo.lockAgenda(m, Number(r.sessionId));
          await this.repo.exec(m, 'DELETE FROM deliberation_agenda_items WHERE id = ?', [Number(r.itemId)]);
          await this.repo.releaseSlotAndRenumber(m, Number(r.sessionId));
          const topic = (await this.repo.findTopic(topicId, m))!;
          await this.notifications.notify(m, {
            userId: topic.proposerId, type: 'deliberation.topic_session_cancelled', title: '议事取消，议题重新排队',
            body: `您提出的议题「${topic.title}」所在的议事已取消，议题将安排到之后的议事。`, link: topicPath(topicId),
          });
          return true;
        }),
      );
      if (done) n++;
    }
    return n;
  }
}
