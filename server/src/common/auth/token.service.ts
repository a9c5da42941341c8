import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../../../contracts/roles';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export interface AuthClaims {
  sub: number;
  role: Role;
  exp: number; // seconds since epoch
}

/** Compact signed tokens: base64url(JSON claims) + "." + base64url(HMAC-SHA256). */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(userId: number, role: Role): { token: string; expiresAt: Date } {
    const exp = Math.floor(Date.now() / 1000) + this.config.auth.tokenTtlHours * 3600;
    const payload = Buffer.from(JSON.stringify({ sub: userId, role, exp } satisfies AuthClaims)).toString('base64url');
    return { token: `${payload}.${this.sign(payload)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The claims, or null when the token is malformed, forged or expired. */
  verify(token: string): AuthClaims | null {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 1000) return null;
    const payload = token.slice(0, dot);
    // Compare the signature text, not its decoded bytes: base64url decoding ignores the last
    // character's padding bits and stray characters, which would accept altered tokens.
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.sign(payload), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AuthClaims;
      if (!Number.isInteger(claims.sub) || typeof claims.role !== 'string' || typeof claims.exp !== 'number') return null;
      if (claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.config.auth.tokenSecret).update(payload).digest('base64url');
  }
}
