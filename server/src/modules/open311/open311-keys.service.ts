import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../../contracts/errors';
import type { ApiKeyItem, CreateApiKeyRequest, CreatedApiKey } from '../../../../contracts/open311.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { Open311Repository, type ApiKeyRow } from './open311.repository';

/** The stored form of a key: sha256, hex (64 characters). */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const KEY_PREFIX_LENGTH = 8;
const keyNotFound = () => new DomainException(ErrorCode.API_KEY_NOT_FOUND, 404, '没有找到这个接口密钥');

function toItem(r: ApiKeyRow): ApiKeyItem {
  return {
    id: Number(r.id),
    name: r.name,
    keyPrefix: r.keyPrefix,
    createdAt: toIso(r.createdAt)!,
    createdByName: r.createdByName ?? null,
    revokedAt: toIso(r.revokedAt),
  };
}

/**
 * Open311 API keys of a street, managed by its street admins. A key is 192 random bits, shown once
 * when it is created; only its sha256 is stored, with its first characters to tell keys apart.
 */
@Injectable()
export class Open311KeysService {
  constructor(private readonly db: DatabaseService, private readonly repo: Open311Repository) {}

  async create(auth: AuthClaims, body: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const streetId = await this.streetOf(auth);
    const key = randomBytes(24).toString('base64url');
    const id = await this.db.transaction((m) =>
      this.repo.insertKey(m, {
        streetId, name: body.name, keyHash: hashApiKey(key), keyPrefix: key.slice(0, KEY_PREFIX_LENGTH), createdBy: auth.sub, createdAt: new Date(), revokedAt: null,
      }),
    );
    const row = await this.repo.findKey(id, streetId);
    return { ...toItem(row!), key };
  }

  async list(auth: AuthClaims): Promise<{ items: ApiKeyItem[] }> {
    const streetId = await this.streetOf(auth);
    return { items: (await this.repo.listKeys(streetId)).map(toItem) };
  }

  /** Revoking twice is harmless: the second call answers the key as it is. Another street's key is 404. */
  async revoke(auth: AuthClaims, id: number): Promise<ApiKeyItem> {
    const streetId = await this.streetOf(auth);
    const row = await this.db.transaction(async (m) => {
      await this.repo.revoke(m, id, streetId, new Date());
      return this.repo.findKey(id, streetId, m);
    });
    if (!row) throw keyNotFound();
    return toItem(row);
  }

  private async streetOf(auth: AuthClaims): Promise<number> {
    const rows: { streetId: number | null }[] = await this.db.manager.query(`SELECT street_id AS streetId FROM users WHERE id = ?`, [auth.sub]);
    const streetId = rows[0]?.streetId;
    if (!streetId) throw new DomainException(ErrorCode.FORBIDDEN, 403, '您没有所属街道，不能管理接口密钥');
    return Number(streetId);
  }
}
