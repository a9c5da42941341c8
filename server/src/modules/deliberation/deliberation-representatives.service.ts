import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RepresentativeItem } from '../../../../contracts/deliberation.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationRepresentativeEntity } from './deliberation.entities';

/** 居民代表 of a community, kept by its staff; representatives may take the reserved seats. */
@Injectable()
export class DeliberationRepresentativesService {
  constructor(private readonly db: DatabaseService, private readonly access: DeliberationAccess) {}

  async list(auth: AuthClaims): Promise<RepresentativeItem[]> {
    const { communityId } = await this.access.member(auth);
    const rows = await this.db.manager.find(DeliberationRepresentativeEntity, { where: { communityId }, order: { id: 'ASC' } });
    const users = rows.length ? await this.db.manager.find(UserEntity, { where: { id: In(rows.map((r) => r.userId)) }, select: { id: true, name: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '' }));
  }

  /** Marks a resident of my community; marking one twice changes nothing. */
  async add(auth: AuthClaims, userId: number): Promise<RepresentativeItem[]> {
    const { user: staff, communityId } = await this.access.member(auth);
    const resident = await this.db.manager.findOne(UserEntity, { where: { id: userId, role: 'resident', communityId } });
    if (!resident) throw new DomainException(ErrorCode.RESIDENT_NOT_FOUND, 404, '本社区没有这位居民');
    try {
      await this.db.transaction((m) => m.insert(DeliberationRepresentativeEntity, { communityId, userId, createdBy: staff.id, createdAt: new Date() }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return this.list(auth);
  }

  async remove(auth: AuthClaims, userId: number): Promise<RepresentativeItem[]> {
    const { communityId } = await this.access.member(auth);
    const r = await this.db.transaction((m) => m.delete(DeliberationRepresentativeEntity, { communityId, userId }));
    if (!r.affected) throw new DomainException(ErrorCode.REPRESENTATIVE_NOT_FOUND, 404, '这位居民不是居民代表');
    return this.list(auth);
  }
}
