import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { UserEntity } from '../../modules/users/user.entity';
import { DomainException } from '../domain-exception';

/** A token whose user no longer exists is as good as no token. */
export const sessionExpired = () => new DomainException(ErrorCode.TOKEN_INVALID, 401, '登录已过期，请重新登录');

/** The caller's user row, or 401. The one place services load "who is asking". */
export async function loadCurrentUser(m: EntityManager, userId: number): Promise<UserEntity> {
  const user = await m.findOne(UserEntity, { where: { id: userId } });
  if (!user) throw sessionExpired();
  return user;
}
