import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../../common/domain-exception';

/** Wrong codes a user may type within the window before they must wait. */
export const REDEEM_MAX_WRONG = 10;
export const REDEEM_WINDOW_MS = 15 * 60_000;

/**
 * Slows down guessing of invitation codes: per user, in this process's memory (a restart forgets; with 31^8 codes and
 * 10 wrong tries per 15 minutes a guess still takes longer than any code lives).
 */
@Injectable()
export class RedeemAttempts {
  private readonly wrong = new Map<number, { count: number; since: number }>();

  assertAllowed(userId: number, now = Date.now()): void {
    const entry = this.wrong.get(userId);
    if (!entry || now - entry.since > REDEEM_WINDOW_MS) return;
    if (entry.count >= REDEEM_MAX_WRONG) {
      throw new DomainException(ErrorCode.INVITATION_TOO_MANY_ATTEMPTS, 429, '输错次数太多了，请15分钟后再试，或请邀请人核对邀请码');
    }
  }

  recordWrong(userId: number, now = Date.now()): void {
    const entry = this.wrong.get(userId);
    if (!entry || now - entry.since > REDEEM_WINDOW_MS) this.wrong.set(userId, { count: 1, since: now });
    else entry.count++;
    if (this.wrong.size > 10_000) this.prune(now);
  }

  /** Forgets every count (tests). */
  clear(): void {
    this.wrong.clear();
  }

  private prune(now: number): void {
    for (const [id, e] of this.wrong) if (now - e.since > REDEEM_WINDOW_MS) this.wrong.delete(id);
  }
}
