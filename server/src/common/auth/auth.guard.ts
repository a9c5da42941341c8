import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../domain-exception';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { AuthClaims, TokenService } from './token.service';

export type AuthedRequest = FastifyRequest & { auth?: AuthClaims };

/** Global guard: fails closed on a route without an access declaration. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(private readonly reflector: Reflector, private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`route without an access declaration: ${context.getClass().name}.${context.getHandler().name}`);
      throw new DomainException(ErrorCode.FORBIDDEN, 403, '您没有权限进行此操作');
    }
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (!header) throw new DomainException(ErrorCode.UNAUTHENTICATED, 401, '请先登录');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? this.tokens.verify(match[1]) : null;
    if (!claims) throw new DomainException(ErrorCode.TOKEN_INVALID, 401, '登录已过期，请重新登录');
    request.auth = claims;
    if (rule.kind === 'roles' && !rule.roles.includes(claims.role)) {
      throw new DomainException(ErrorCode.FORBIDDEN, 403, '您没有权限进行此操作');
    }
    return true;
  }
}
