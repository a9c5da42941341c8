import { createHmac } from 'node:crypto';
import type { AppConfig } from '../../server/src/config/app-config';
import { TokenService } from '../../server/src/common/auth/token.service';

const SECRET = 'token-test-secret-0123456789abcdef';
const service = (secret = SECRET, ttlHours = 1) => new TokenService({ auth: { tokenSecret: secret, tokenTtlHours: ttlHours, devLogin: false } } as AppConfig);

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
/** A token signed with the real secret around chosen claims, to reach the checks behind the signature. */
const signed = (claims: unknown, secret = SECRET) => {
  const payload = b64(JSON.stringify(claims));
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
};

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies the token it issued: user, role and expiry come back', () => {
    jest.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
    const { token, expiresAt } = service().issue(42, 'grid_worker');
    expect(expiresAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(service().verify(token)).toEqual({ sub: 42, role: 'grid_worker', exp: Date.parse('2025-03-01T09:00:00Z') / 1000 });
  });

  it('a token whose payload was edited (another user or role) is refused', () => {
    const { token } = service().issue(42, 'resident');
    const [payload, signature] = token.split('.');
    const claims = decode(payload);
    expect(service().verify(`${b64(JSON.stringify({ ...claims, role: 'street_admin' }))}.${signature}`)).toBeNull();
    expect(service().verify(`${b64(JSON.stringify({ ...claims, sub: 1 }))}.${signature}`)).toBeNull();
    expect(service().verify(`${b64(JSON.stringify({ ...claims, exp: claims.exp + 86400 * 365 }))}.${signature}`)).toBeNull();
  });

  it('a token with any single character of its signature changed is refused', () => {
    const { token } = service().issue(42, 'resident');
    const dot = token.indexOf('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const accepted: string[] = [];
    for (let i = dot + 1; i < token.length; i++) {
      for (const other of alphabet) {
        if (other === token[i]) continue;
        const forged = token.slice(0, i) + other + token.slice(i + 1);
        if (service().verify(forged) !== null) accepted.push(`position ${i}: ${token[i]} -> ${other}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(service().verify(`${token}A`)).toBeNull();
    expect(service().verify(`${token}=`)).toBeNull();
    expect(service().verify(token.slice(0, -1))).toBeNull();
  });

  it('a token signed with another secret is refused', () => {
    const { token } = service('another-secret-0123456789abcdef').issue(42, 'resident');
    expect(service().verify(token)).toBeNull();
  });

  it('an expired token is refused', () => {
    jest.useFakeTimers({ now: new Date('2025-03-01T08:00:00Z') });
    const { token } = service().issue(42, 'resident');
    jest.setSystemTime(new Date('2025-03-01T08:59:59Z'));
    expect(service().verify(token)).not.toBeNull();
    jest.setSystemTime(new Date('2025-03-01T09:00:01Z'));
    expect(service().verify(token)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['no dot', 'abcdef'],
    ['only a dot', '.'],
    ['no payload', '.abc'],
    ['two dots', 'a.b.c'],
    ['random words', 'hello.world'],
    ['very long', `${'a'.repeat(800)}.${'b'.repeat(800)}`],
  ])('garbage (%s) is refused', (_name, token) => {
    expect(service().verify(token)).toBeNull();
  });

  it.each([
    ['a payload that is not JSON', null],
    ['a string user id', { sub: '42', role: 'resident', exp: 4102444800 }],
    ['no role', { sub: 42, exp: 4102444800 }],
    ['no expiry', { sub: 42, role: 'resident' }],
  ])('a correctly signed token with %s is refused', (_name, claims) => {
    const token = claims === null
      ? `${b64('not json')}.${createHmac('sha256', SECRET).update(b64('not json')).digest('base64url')}`
      : signed(claims);
    expect(service().verify(token)).toBeNull();
    // The same construction with valid claims verifies: the refusal is about the claims, not the signing.
    expect(service().verify(signed({ sub: 42, role: 'resident', exp: 4102444800 }))).toEqual({ sub: 42, role: 'resident', exp: 4102444800 });
  });
});
