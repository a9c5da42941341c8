import { Injectable } from '@nestjs/common';
import type { DeliberationSettingsItem, UpdateDeliberationSettingsRequest } from '../../../../contracts/deliberation-topics.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationAgendaPlacement } from './deliberation-agenda.placement';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';
import { noticeQueued } from './deliberation-topics.service';

/**
 * A community's support threshold and agenda slots. Lowering the threshold queues the proposed topics
 * that now reach it; raising it leaves queued topics queued (they reached the threshold of their time).
 * Fewer slots never remove agenda items; they only stop new ones.
 */
@Injectable()
export class DeliberationTopicsSettingsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly access: DeliberationAccess,
    private readonly placement: DeliberationAgendaPlacement,
    private readonly notifications: NotificationsService,
  ) {}

  async get(auth: AuthClaims): Promise<DeliberationSettingsItem> {
    const { communityId } = await this.access.member(auth);
    return { communityId, ...(await this.repo.settings(communityId)) };
  }

  async update(auth: AuthClaims, body: UpdateDeliberationSettingsRequest): Promise<DeliberationSettingsItem> {
    const { communityId, user } = await this.access.member(auth);
    await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const at = this.repo.date(new Date());
        await this.repo.exec(
          m,
          `${this.repo.insertIgnore} INTO deliberation_settings (community_id, support_threshold, agenda_slots, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
          [communityId, body.supportThreshold, body.agendaSlots, user.id, at, at],
        );
        await this.repo.exec(m, 'UPDATE deliberation_settings SET support_threshold = ?, agenda_slots = ?, updated_by = ?, updated_at = ? WHERE community_id = ?', [
          body.supportThreshold, body.agendaSlots, user.id, at, communityId,
        ]);
      }),
    );
    await this.queueReached(communityId, body.supportThreshold);
    await this.placement.placeQueue(communityId, new Date());
    return { communityId, ...(await this.repo.settings(communityId)) };
  }

  /** Proposed topics that reach the (new) threshold queue, each by its own conditional update. */
  private async queueReached(communityId: number, threshold: number): Promise<void> {
    const rows: { id: number }[] = await this.db.manager.query(
      `SELECT id FROM deliberation_topics WHERE community_id = ? AND status = 'proposed' AND support_count >= ? ORDER BY id`,
      [communityId, threshold],
    );
    for (const { id } of rows) {
      await retryDeadlock(() =>
        this.db.transaction(async (m) => {
          if (!(await this.repo.queueIfReached(m, Number(id), threshold, new Date()))) return;
          await noticeQueued(this.notifications, m, (await this.repo.findTopic(Number(id), m))!);
        }),
      );
    }
  }
}
