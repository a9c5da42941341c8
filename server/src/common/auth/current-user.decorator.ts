import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from './auth.guard';
import type { AuthClaims } from './token.service';

/** The caller's verified token claims (only on non-public routes). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthClaims => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('CurrentUser used on a public route');
  return auth;
});
