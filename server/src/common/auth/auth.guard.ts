import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '../../../../contracts/errors';
import type { Role } from '../../../../contracts/roles';
import { DatabaseService } from '../../database/database.service';
import { DomainException, forbidden } from '../domain-exception';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { sessionExpired } from './current-user-row';
import { AuthClaims, TokenService } from './token.service';

/** One primary-key read per authenticated request. */
export const USER_ROLE_SQL = 'SELECT role, deleted_at FROM users WHERE id = ?';

export type AuthedRequest = FastifyRequest & { auth?: AuthClaims };

/** Global guard: fails closed on a route without an access declaration. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(private readonly reflector: Reflector, private readonly tokens: TokenService, private readonly db: DatabaseService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`route without an access declaration: ${context.getClass().name}.${context.getHandler().name}`);
      throw forbidden();
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (!header) throw new DomainException(ErrorCode.UNAUTHENTICATED, 401, '请先登录');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? this.tokens.verify(match[1]) : null;
    if (!claims) throw sessionExpired();
    // The role comes from the database on every request, not from the token: a role lowered or revoked by the street
    // takes effect on the caller's next request, and a deleted account's tokens stop working (issue 10).
    const [row] = (await this.db.manager.query(USER_ROLE_SQL, [claims.sub])) as { role: Role; deleted_at: unknown }[];
    if (!row || row.deleted_at !== null) throw sessionExpired();
    request.auth = { ...claims, role: row.role };
    if (rule.kind === 'roles' && !rule.roles.includes(row.role)) {
      throw forbidden();
    }
    return true;
  }
}
