import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { DomainException } from '../domain-exception';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/** A pending key older than this is taken over (its request died with its process). */
const STALE_PENDING_MS = 60_000;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Idempotent creates: the first request with a key reserves it (a unique row), does its work and
 * stores its answer in the same transaction as the work. A retry gets the stored answer; the same
 * key with another body is rejected (422); a key whose first request is still running answers 409.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly db: DatabaseService) {}

  static validateKey(key: string | undefined): string | undefined {
    if (key === undefined || key === '') return undefined;
    if (!KEY_PATTERN.test(key)) {
      throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_INVALID, 400, 'Idempotency-Key 格式不正确（8–100 个字母、数字或 -_.:）');
    }
    return key;
  }

  async run<T>(
    opts: { userId: number; scope: string; key: string | undefined; body: unknown; status?: number },
    work: (m: EntityManager) => Promise<T>,
  ): Promise<StoredResponse<T>> {
    const status = opts.status ?? 201;
    if (!opts.key) return { status, body: await this.db.transaction(work), replayed: false };
    const requestHash = createHash('sha256').update(stableJson(opts.body)).digest('hex');
    const finish = async (m: EntityManager, id: number): Promise<T> => {
      const result = await work(m);
      await m.query(`UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ? WHERE id = ?`, [status, JSON.stringify(result), id]);
      return result;
    };
    if (this.db.dialect === 'sqlite') {
      // SQLite write transactions are serialized, so no other request can see this key "in flight":
      // reserve, work and answer in ONE transaction; a taken key rolls it back and is looked up.
      try {
        const body = await this.db.transaction(async (m) => finish(m, await this.insertKey(m, opts.userId, opts.scope, opts.key!, requestHash)));
        return { status, body, replayed: false };
      } catch (err) {
        if (!(err instanceof KeyTaken)) throw err;
      }
      const existing = await this.existing<T>(opts.userId, opts.scope, opts.key, requestHash);
      if ('replay' in existing) return existing.replay;
      const body = await this.db.transaction((m) => finish(m, existing.id));
      return { status, body, replayed: false };
    }
    // MariaDB: the key is reserved in its own short transaction, so a concurrent retry sees it in flight (409).
    let reserved: number;
    try {
      reserved = await this.db.transaction((m) => this.insertKey(m, opts.userId, opts.scope, opts.key!, requestHash));
    } catch (err) {
      if (!(err instanceof KeyTaken)) throw err;
      const existing = await this.existing<T>(opts.userId, opts.scope, opts.key, requestHash);
      if ('replay' in existing) return existing.replay;
      reserved = existing.id;
    }
    try {
      return { status, body: await this.db.transaction((m) => finish(m, reserved)), replayed: false };
    } catch (err) {
      // The work failed and nothing of it was stored: free the key so a corrected retry can use it.
      await this.db.transaction((m) => m.delete(IdempotencyKeyEntity, { id: reserved, state: 'pending' })).catch(() => undefined);
      throw err;
    }
  }

  /** Deletes keys older than the retention (a scheduled job). */
  async purgeOlderThan(cutoff: Date): Promise<number> {
    return this.db.transaction(async (m) =>
      affectedRows(await m.createQueryBuilder().delete().from(IdempotencyKeyEntity).where('created_at < :cutoff', { cutoff }).execute()),
    );
  }

  private async insertKey(m: EntityManager, userId: number, scope: string, idemKey: string, requestHash: string): Promise<number> {
    try {
      return await this.db.insert(
        m,
        `INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, state, response_status, response_body, created_at) VALUES (?, ?, ?, ?, 'pending', NULL, NULL, ?)`,
        [userId, scope, idemKey, requestHash, this.db.dateParam(new Date())],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new KeyTaken();
      throw err;
    }
  }

  /** The key is taken: replay its answer, reject another body (422), or report it in flight (409) unless stale. */
  private async existing<T>(userId: number, scope: string, idemKey: string, requestHash: string): Promise<{ id: number } | { replay: StoredResponse<T> }> {
    const row = await this.db.manager.findOne(IdempotencyKeyEntity, { where: { userId, scope, idemKey } });
    if (!row) throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, 409, '上一次提交还在处理中，请稍候');
    if (row.requestHash !== requestHash) {
      throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422, '这个 Idempotency-Key 已用于另一份内容');
    }
    if (row.state === 'done') {
      return { replay: { status: row.responseStatus ?? 200, body: JSON.parse(row.responseBody ?? 'null') as T, replayed: true } };
    }
    const age = Date.now() - new Date(row.createdAt).getTime();
    if (age > STALE_PENDING_MS) {
      // Take over a key whose first request died: only one retry can win this conditional update.
      const took = await this.db.transaction((m) =>
        m.update(IdempotencyKeyEntity, { id: row.id, state: 'pending', createdAt: row.createdAt }, { createdAt: new Date() }),
      );
      if (affectedRows(took) === 1) return { id: row.id };
    }
    throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, 409, '上一次提交还在处理中，请稍候');
  }
}

class KeyTaken extends Error {}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` hash the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
