import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { CreateMinutesRequest, MinutesItem, SessionOutcome, UpdateMinutesRequest } from '../../../../contracts/deliberation-outcomes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { assertHeld, OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import { DeliberationMinutesEntity } from './deliberation-outcomes.entities';
import { toMinutesItem } from './deliberation-resolutions.mapper';
import { ResolutionsRepository } from './deliberation-resolutions.repository';
import { DeliberationResolutionsService } from './deliberation-resolutions.service';

/** 纪要 of a session (one per session) and the session's outcome as a whole (minutes + resolutions). */
@Injectable()
export class DeliberationOutcomesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: OutcomesAccess,
    private readonly repo: ResolutionsRepository,
    private readonly resolutions: DeliberationResolutionsService,
  ) {}

  async outcome(auth: AuthClaims, sessionId: number): Promise<SessionOutcome> {
    const v = await this.access.viewer(auth);
    await this.access.session(v, sessionId);
    const [minutes, rows] = await Promise.all([this.minutes(sessionId), this.repo.bySession(sessionId)]);
    return { sessionId, minutes, resolutions: await this.resolutions.items(v, rows) };
  }

  async create(auth: AuthClaims, sessionId: number, body: CreateMinutesRequest): Promise<MinutesItem> {
    const { user, communityId } = await this.access.staff(auth);
    const { session } = await this.access.session(this.member(user, communityId), sessionId);
    assertHeld(session, new Date());
    try {
      await this.db.transaction(async (m) => {
        const now = new Date();
        await m.insert(DeliberationMinutesEntity, {
          sessionId, communityId, text: body.text, recordedBy: user.id, recordedAt: now, updatedBy: user.id, updatedAt: now, version: 1,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainException(ErrorCode.MINUTES_ALREADY_RECORDED, 409, '这场议事已经有纪要了，请在原纪要上修改');
      throw err;
    }
    return (await this.minutes(sessionId))!;
  }

  /** Edits the text if nobody saved another version meanwhile (conditional on `version`). */
  async update(auth: AuthClaims, sessionId: number, body: UpdateMinutesRequest): Promise<MinutesItem> {
    const { user, communityId } = await this.access.staff(auth);
    await this.access.session(this.member(user, communityId), sessionId);
    const changed = await this.db.transaction(async (m) => {
      const r = await m
        .createQueryBuilder()
        .update(DeliberationMinutesEntity)
        .set({ text: body.text, updatedBy: user.id, updatedAt: new Date(), version: () => 'version + 1' })
        .where('session_id = :sessionId AND version = :version', { sessionId, version: body.version })
        .execute();
      return affectedRows(r) === 1;
    });
    const current = await this.minutes(sessionId);
    if (!current) throw new DomainException(ErrorCode.MINUTES_NOT_FOUND, 404, '这场议事还没有纪要');
    if (!changed) throw new DomainException(ErrorCode.MINUTES_STATE_CONFLICT, 409, '纪要刚刚被别人修改过，请刷新后再改', undefined, { current });
    return current;
  }

  private member(user: UserEntity, communityId: number): Viewer {
    return { kind: 'member', user, communityId };
  }

  private async minutes(sessionId: number): Promise<MinutesItem | null> {
    const m = this.db.manager;
    const row = await m.findOne(DeliberationMinutesEntity, { where: { sessionId } });
    if (!row) return null;
    const [counts] = await m.query(
      `SELECT SUM(CASE WHEN checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS attendees,
              SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed
         FROM deliberation_registrations WHERE session_id = ?`,
      [sessionId],
    );
    const users = await m.find(UserEntity, { where: { id: In([row.recordedBy, row.updatedBy]) }, select: { id: true, name: true } });
    return toMinutesItem(row, { attendees: Number(counts?.attendees ?? 0), confirmed: Number(counts?.confirmed ?? 0) }, new Map(users.map((u) => [u.id, u.name])));
  }
}
