import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { conflict } from '../../common/domain-exception';
import { changedRows, DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { StaffInvitationEntity } from './staff.entities';

const REDEEM_SQL =
  'UPDATE staff_invitations SET redeemed_by = ?, redeemed_at = ? WHERE id = ? AND redeemed_by IS NULL AND revoked_at IS NULL AND expires_at > ?';
const REVOKE_SQL = 'UPDATE staff_invitations SET revoked_at = ?, revoked_by = ? WHERE id = ? AND redeemed_by IS NULL AND revoked_at IS NULL';
const LIVE_BY_CREATOR = 'SELECT id FROM staff_invitations WHERE created_by = ? AND redeemed_by IS NULL AND revoked_at IS NULL AND expires_at > ?';

/** The caller's area for staff lists: a street admin their street, community staff their community. */
export type StaffArea = { streetId: number } | { streetId: number; communityId: number };

/** Staff rows and invitations; the one-time and last-admin rules as database statements. */
@Injectable()
export class StaffRepository {
  constructor(private readonly db: DatabaseService) {}

  /** One-time: true only for the one transaction whose conditional UPDATE took the invitation. */
  async takeInvitation(m: EntityManager, id: number, userId: number, now: Date): Promise<boolean> {
    const at = this.db.dateParam(now);
    return (await changedRows(m, REDEEM_SQL, [userId, at, id, at])) === 1;
  }

  async revokeInvitation(m: EntityManager, id: number, userId: number): Promise<boolean> {
    return (await changedRows(m, REVOKE_SQL, [this.db.dateParam(new Date()), userId, id])) === 1;
  }

  /**
   * Voids every live invitation `creatorId` made (their role or area is changing): what they handed out no longer
   * stands. The rows are locked first (MariaDB; the created_by index keeps the lock to that person's rows), so none is
   * redeemed meanwhile: a redeem that took one first is waited for, one that comes after finds it revoked. Returns the rows voided.
   */
  async voidInvitationsBy(m: EntityManager, creatorId: number, actorId: number, now = new Date()): Promise<StaffInvitationEntity[]> {
    const at = this.db.dateParam(now);
    const live = (await m.query(`${LIVE_BY_CREATOR}${this.db.forUpdate}`, [creatorId, at])) as { id: number | string }[];
    if (!live.length) return [];
    const ids = live.map((r) => Number(r.id));
    await m.query(`UPDATE staff_invitations SET revoked_at = ?, revoked_by = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [at, actorId, ...ids]);
    return m.find(StaffInvitationEntity, { where: { id: In(ids) }, order: { id: 'ASC' } });
  }

  /**
   * Refuses a change that would leave the street without a street admin. The street row is locked first (MariaDB), so two
   * admins lowering each other at once are decided one after the other, each counting what the other committed.
   */
  async assertStreetKeepsAdmin(m: EntityManager, user: UserEntity): Promise<void> {
    if (user.role !== 'street_admin' || !user.streetId) return;
    await m.query(`SELECT id FROM streets WHERE id = ?${this.db.forUpdate}`, [user.streetId]);
    const rows = (await m.query(
      `SELECT id FROM users WHERE street_id = ? AND role = 'street_admin' AND deleted_at IS NULL AND id <> ?${this.db.forUpdate}`,
      [user.streetId, user.id],
    )) as unknown[];
    if (rows.length === 0) throw conflict(ErrorCode.LAST_STREET_ADMIN, '街道至少要有一位街道管理员，请先邀请另一位街道管理员');
  }

  /** Staff (not residents, not deleted) of the area, by role then name. */
  staffIn(area: StaffArea): Promise<UserEntity[]> {
    const where: FindOptionsWhere<UserEntity> = { ...area, role: Not('resident'), deletedAt: IsNull() };
    return this.db.manager.find(UserEntity, { where, order: { role: 'ASC', id: 'ASC' } });
  }

  /** Invitations not yet used, revoked or expired, in the area, newest first. */
  pendingIn(area: StaffArea): Promise<StaffInvitationEntity[]> {
    return this.db.manager.find(StaffInvitationEntity, {
      where: { ...area, redeemedBy: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  names(ids: (number | null)[]): Promise<Map<number, string>> {
    const list = [...new Set(ids.filter((x): x is number => x !== null))];
    if (!list.length) return Promise.resolve(new Map());
    return this.db.manager
      .createQueryBuilder(UserEntity, 'u').select(['u.id', 'u.name']).whereInIds(list).getMany()
      .then((rows) => new Map(rows.map((u) => [u.id, u.name])));
  }
}
