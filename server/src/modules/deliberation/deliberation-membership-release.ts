import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegistrationStatus } from '../../../../contracts/deliberation.contract';
import { DomainEvents } from '../../common/events/domain-events';
import { DatabaseService } from '../../database/database.service';
import { DeliberationRepresentativeEntity } from './deliberation.entities';
import { DeliberationRepository, type SeatKind } from './deliberation.repository';
import { DeliberationSignupService } from './deliberation-signup.service';

/**
 * Issue 10: what a resident holds in a community's 议事亭 is given up when they move away (another community) or delete
 * their account — their registrations for sessions not started yet are cancelled through the ordinary cancel logic (the
 * waiting list moves up, the promoted resident is told) and their 居民代表 flag there is removed. Ballots cast and
 * supports given stay: they were given while the resident lived there. Runs inside the caller's transaction.
 */
@Injectable()
export class DeliberationMembershipRelease implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationRepository,
    private readonly signup: DeliberationSignupService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('resident.moved', async (m, e) => {
      if (e.fromCommunityId === null || e.fromCommunityId === e.toCommunityId) return;
      await this.release(m, e.residentId, e.fromCommunityId, new Date());
    });
  }

  /**
   * Cancels the user's registrations (confirmed or waiting, not checked in) for sessions that have not started, in one
   * community or everywhere (`communityId` null), and removes their representative flag there. Returns how many
   * registrations were cancelled.
   */
  async release(m: EntityManager, userId: number, communityId: number | null, now: Date): Promise<number> {
    const rows: { id: number; sessionId: number; communityId: number; status: RegistrationStatus; seatKind: SeatKind | null }[] = await m.query(
      `SELECT r.id AS id, r.session_id AS sessionId, s.community_id AS communityId, r.status AS status, r.seat_kind AS seatKind
         FROM deliberation_registrations r JOIN deliberation_sessions s ON s.id = r.session_id
        WHERE r.user_id = ? AND r.status IN ('confirmed', 'waitlisted') AND r.checked_in_at IS NULL AND s.starts_at > ?
          ${communityId === null ? '' : 'AND s.community_id = ?'}
        ORDER BY r.session_id`,
      communityId === null ? [userId, this.db.dateParam(now)] : [userId, this.db.dateParam(now), communityId],
    );
    let cancelled = 0;
    for (const r of rows) {
      const session = { id: Number(r.sessionId), communityId: Number(r.communityId) };
      await this.repo.lockSession(m, session.id, now);
      if (await this.signup.cancelLocked(m, session, { id: Number(r.id), status: r.status, seatKind: r.seatKind }, now)) cancelled++;
    }
    await m.delete(DeliberationRepresentativeEntity, communityId === null ? { userId } : { userId, communityId });
    return cancelled;
  }
}
