import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ConcernCategories, type ConcernCategory } from '../../../../contracts/concerns.constants';
import type { CategoryConfig, UpdateCategoryRequest } from '../../../../contracts/concerns.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { ConcernCategoryEntity } from './concern.entity';

/** Categories as a community configures them: its own rows override the defaults (community_id 0). */
@Injectable()
export class ConcernCategoriesService {
  /** Read on every submission: cached briefly per community (another process's change shows within 30 s). */
  private readonly cache = new Map<number, { at: number; list: CategoryConfig[] }>();

  constructor(private readonly db: DatabaseService) {}

  async forCommunity(communityId: number | null): Promise<CategoryConfig[]> {
    const key = communityId ?? 0;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < 30_000) return hit.list;
    const list = await this.load(communityId);
    this.cache.set(key, { at: Date.now(), list });
    return list;
  }

  private async load(communityId: number | null): Promise<CategoryConfig[]> {
    const rows = await this.db.manager.find(ConcernCategoryEntity, { where: { communityId: In([0, communityId ?? 0]) }, order: { sortOrder: 'ASC' } });
    const byCode = new Map<string, ConcernCategoryEntity>();
    for (const r of rows.sort((a, b) => a.communityId - b.communityId)) byCode.set(r.code, r);
    return ConcernCategories.filter((c) => byCode.has(c)).map((code) => {
      const r = byCode.get(code)!;
      return { code, label: r.label, hint: r.hint, emergencyNotice: r.emergencyNotice, resolveHours: r.resolveHours, enabled: Boolean(r.enabled) };
    });
  }

  async list(auth: AuthClaims): Promise<CategoryConfig[]> {
    const user = await this.db.manager.findOne(UserEntity, { where: { id: auth.sub }, select: { id: true, communityId: true } });
    return this.forCommunity(user?.communityId ?? null);
  }

  /** The configured hours to resolve a concern of this category in this community. */
  async resolveHours(code: ConcernCategory, communityId: number): Promise<number> {
    const config = (await this.forCommunity(communityId)).find((c) => c.code === code);
    return config?.resolveHours ?? 72;
  }

  async assertEnabled(code: ConcernCategory, communityId: number): Promise<void> {
    const config = (await this.forCommunity(communityId)).find((c) => c.code === code);
    if (config && !config.enabled) throw new DomainException(ErrorCode.CATEGORY_DISABLED, 422, `本社区暂不受理“${config.label}”类问题，请选择其他类别`);
  }

  /** Community staff change a category for their own community only (an override row, created on first change). */
  async update(auth: AuthClaims, code: ConcernCategory, body: UpdateCategoryRequest): Promise<CategoryConfig[]> {
    const staff = await this.db.manager.findOne(UserEntity, { where: { id: auth.sub } });
    const communityId = staff?.communityId;
    if (!communityId) throw new DomainException(ErrorCode.FORBIDDEN, 403, '您没有所属社区，不能修改类别');
    await this.db.transaction(async (m) => {
      const own = await m.findOne(ConcernCategoryEntity, { where: { communityId, code } });
      const base = own ?? (await m.findOneOrFail(ConcernCategoryEntity, { where: { communityId: 0, code } }));
      const next = {
        label: body.label ?? base.label,
        hint: body.hint === undefined ? base.hint : body.hint,
        emergencyNotice: body.emergencyNotice === undefined ? base.emergencyNotice : body.emergencyNotice,
        resolveHours: body.resolveHours ?? base.resolveHours,
        enabled: body.enabled ?? Boolean(base.enabled),
      };
      if (own) await m.update(ConcernCategoryEntity, { id: own.id }, next);
      else await m.insert(ConcernCategoryEntity, { ...next, communityId, code, sortOrder: base.sortOrder });
    });
    this.cache.delete(communityId);
    return this.forCommunity(communityId);
  }
}
