import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { IsNull, type EntityManager } from 'typeorm';
import { DELETION_EXPLAINED, type DeleteAccountResponse } from '../../../../contracts/privacy.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { loadCurrentUser, sessionExpired } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict } from '../../common/domain-exception';
import { affectedRows, DatabaseService, retryDeadlock } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { DeliberationMembershipRelease } from '../deliberation/deliberation-membership-release';
import { PHOTO_STORAGE, type PhotoStorage } from '../photos/photo-storage';
import { UserEntity } from '../users/user.entity';
import { VolunteerAccountRelease } from '../volunteers/volunteer-account-release';
import { PrivacyRepository } from './privacy.repository';

/** The name a deleted account shows everywhere it still appears (timelines, topics, the audit log). */
export const DELETED_NAME = '已注销用户';
/** What a deleted resident's concerns say instead of their words (the rest stays for the figures). */
export const DELETED_CONCERN_TEXT = '（提出人已注销账号，原文已删除）';

/**
 * 注销账号 (PIPL): one transaction removes the identity (name → 已注销用户; phone, WeChat openid and session key, unit
 * cleared; deleted_at set, so the auth guard answers 401 to every token), anonymises their concerns (their words, rating
 * comment, exact place and photos go; category, unit/grid/community, status and timeline times stay for the figures),
 * releases what they hold (future 议事 registrations through the ordinary cancel — the waiting list moves up —, the
 * 居民代表 flag, 小红帽 seats, open requests, activity sign-ups, volunteer profile), deletes their notifications and
 * stored idempotent answers, and writes `account.delete`. The time-bank ledger is append-only and stays (the account is a
 * number). Photo files are removed after the commit. Staff must have their role revoked first (409).
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly db: DatabaseService,
    private readonly audit: AuditService,
    private readonly deliberation: DeliberationMembershipRelease,
    private readonly volunteers: VolunteerAccountRelease,
    private readonly repo: PrivacyRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The photos module's storage (not exported by it; looked up like Open311 does). */
  private get photos(): PhotoStorage {
    return this.moduleRef.get<PhotoStorage>(PHOTO_STORAGE, { strict: false });
  }

  async deleteMe(auth: AuthClaims): Promise<DeleteAccountResponse> {
    const user = await loadCurrentUser(this.db.manager, auth.sub);
    if (user.role !== 'resident') {
      throw conflict(ErrorCode.ACCOUNT_HAS_ROLE, '工作人员账号不能自行注销：请先请街道管理员撤销您的工作身份，再来注销');
    }
    const photoKeys = await retryDeadlock(() => this.db.transaction((m) => this.erase(m, user)));
    for (const key of photoKeys) await this.photos.delete(key).catch((err) => this.logger.warn(`photo file ${key} not removed: ${String(err)}`));
    return { deleted: true, summary: [...DELETION_EXPLAINED.removed.map((s) => `已删除：${s}`), ...DELETION_EXPLAINED.kept.map((s) => `已保留：${s}`)] };
  }

  /** The transaction; returns the storage keys of the photo files to remove once it has committed. */
  private async erase(m: EntityManager, user: UserEntity): Promise<string[]> {
    const now = new Date();
    const gone = await m.update(UserEntity, { id: user.id, deletedAt: IsNull() }, {
      name: DELETED_NAME, phone: null, openid: null, wxSessionKey: null, unitId: null, gridId: null, communityId: null, streetId: null,
      unitConfirmed: false, unitConfirmedBy: null, unitChosenAt: null, deletedAt: now,
    });
    if (affectedRows(gone) !== 1) throw sessionExpired();
    const registrations = await this.deliberation.release(m, user.id, null, now);
    const help = await this.volunteers.release(m, user.id, now);
    const keys = await this.repo.anonymiseConcerns(m, user.id, DELETED_CONCERN_TEXT);
    await this.repo.eraseTraces(m, user.id);
    await this.audit.record(m, {
      action: 'account.delete', streetId: user.streetId, actor: { id: user.id, role: user.role }, subjectUserId: user.id,
      detail: `本人注销账号：取消议事报名 ${registrations} 个，退出微心愿 ${help.seatsGivenBack} 个，取消微心愿 ${help.requestsCancelled} 个，`
        + `取消活动报名 ${help.activitySignUpsCancelled} 个，删除照片 ${keys.length} 张`,
    });
    return keys;
  }
}
