import { ConfigError, loadConfig } from '../../server/src/config/app-config';
import { DEV_TOKEN_SECRET } from '../../server/src/config/env.schema';

/** The ConfigError loadConfig throws for this environment (fails the test when it does not throw). */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

/** A production environment that loadConfig accepts; each production test breaks one thing. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://linli:pw@db.internal:3306/linli',
  AUTH_TOKEN_SECRET: 'p'.repeat(40),
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'wechat-secret-123',
};

describe('loadConfig', () => {
  it('an empty environment gives the documented development defaults', () => {
    const c = loadConfig({});
    expect(c).toEqual({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      database: { dialect: 'sqlite', file: 'data/linli.sqlite' },
      dataDir: 'data',
      h5Dir: 'dist/h5',
      auth: { tokenSecret: DEV_TOKEN_SECRET, tokenTtlHours: 720, devLogin: true },
      wechat: null,
      seedDemo: true,
      logLevel: 'info',
      scheduler: { enabled: true, intervalMs: 60_000 },
      shutdownTimeoutMs: 10_000,
      resilience: { dbQueryTimeoutMs: 10_000, dbAcquireTimeoutMs: 3_000, healthTimeoutMs: 1_500 },
      rateLimits: { enabled: true, redisUrl: null },
      apiDocs: true,
      uploadConcurrency: 8,
      wechatMessages: {
        templates: {}, miniprogramState: 'formal', contentCheck: true, pushToken: null, publicBaseUrl: null,
        outboxIntervalMs: 5_000, outboxMaxAttempts: 6,
      },
    });
  });

  it('reads every variable it is given, and treats an empty string as unset', () => {
    const c = loadConfig({
      NODE_ENV: 'test', PORT: '8080', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', DATA_DIR: '/var/linli', H5_DIR: '/srv/h5',
      AUTH_TOKEN_SECRET: 's'.repeat(20), AUTH_TOKEN_TTL_HOURS: '2', LOG_LEVEL: 'debug', SCHEDULER_ENABLED: 'false',
      SCHEDULER_INTERVAL_MS: '500', SHUTDOWN_TIMEOUT_MS: '2000', SEED_DEMO: 'no', DEV_LOGIN: '0', WECHAT_TIMEOUT_MS: '',
    });
    expect(c).toMatchObject({
      env: 'test', port: 8080, host: '127.0.0.1', database: { dialect: 'sqlite', file: ':memory:' }, dataDir: '/var/linli', h5Dir: '/srv/h5',
      auth: { tokenSecret: 's'.repeat(20), tokenTtlHours: 2, devLogin: false }, logLevel: 'debug',
      scheduler: { enabled: false, intervalMs: 500 }, shutdownTimeoutMs: 2000, seedDemo: false,
    });
  });

  it.each([
    ['mysql://root@127.0.0.1:3306/linli'],
    ['mariadb://root@127.0.0.1:3306/linli'],
  ])('%s is the mariadb dialect, with a mysql:// URL for the driver and the pool size', (url) => {
    const c = loadConfig({ DATABASE_URL: url, DB_POOL_SIZE: '7' });
    expect(c.database).toEqual({ dialect: 'mariadb', url: 'mysql://root@127.0.0.1:3306/linli', poolSize: 7 });
  });

  it('sqlite://path is a file path like sqlite:path', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite://data/x.sqlite' }).database).toEqual({ dialect: 'sqlite', file: 'data/x.sqlite' });
  });

  it('WeChat configured: the client settings are set (trailing slash trimmed) and dev login is off', () => {
    const c = loadConfig({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'secret-123', WECHAT_API_BASE_URL: 'http://127.0.0.1:9999/', WECHAT_TIMEOUT_MS: '300' });
    expect(c.wechat).toEqual({ appId: 'wx1234567890abcdef', secret: 'secret-123', baseUrl: 'http://127.0.0.1:9999', timeoutMs: 300 });
    expect(c.auth.devLogin).toBe(false);
    expect(loadConfig({ WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'secret-123' }).wechat?.baseUrl).toBe('https://api.weixin.qq.com');
  });

  describe('a bad value stops the start with a ConfigError naming the variable', () => {
    it.each<[string, Record<string, string>, string]>([
      ['a port that is not a number', { PORT: 'abc' }, 'PORT'],
      ['a port out of range', { PORT: '70000' }, 'PORT'],
      ['an unsupported database', { DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
      ['a MySQL URL without a database name', { DATABASE_URL: 'mysql://root@127.0.0.1:3306' }, 'DATABASE_URL'],
      ['a SQLite URL without a file', { DATABASE_URL: 'sqlite:' }, 'DATABASE_URL'],
      ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, 'NODE_ENV'],
      ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      ['a WeChat AppID without its secret', { WECHAT_APPID: 'wx1234567890abcdef' }, 'WECHAT_APPID'],
      ['a WeChat secret without the AppID', { WECHAT_SECRET: 'secret-123' }, 'WECHAT_SECRET'],
      ['an AppID that does not look like one', { WECHAT_APPID: 'my-app', WECHAT_SECRET: 'secret-123' }, 'WECHAT_APPID'],
      ['a WeChat base URL that is not a URL', { WECHAT_API_BASE_URL: 'api.weixin' }, 'WECHAT_API_BASE_URL'],
      ['a WeChat timeout below 100 ms', { WECHAT_TIMEOUT_MS: '5' }, 'WECHAT_TIMEOUT_MS'],
      ['a token secret under 16 characters', { AUTH_TOKEN_SECRET: 'short' }, 'AUTH_TOKEN_SECRET'],
      ['a token lifetime of 0 hours', { AUTH_TOKEN_TTL_HOURS: '0' }, 'AUTH_TOKEN_TTL_HOURS'],
      ['a boolean that is not one', { DEV_LOGIN: 'maybe' }, 'DEV_LOGIN'],
      ['SEED_DEMO that is not a boolean', { SEED_DEMO: 'sure' }, 'SEED_DEMO'],
      ['a scheduler interval that is not an integer', { SCHEDULER_INTERVAL_MS: '1.5' }, 'SCHEDULER_INTERVAL_MS'],
      ['a pool size of 0', { DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
      ['dev login forced on while WeChat is set', { WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'secret-123', DEV_LOGIN: 'true' }, 'DEV_LOGIN'],
    ])('%s', (_name, env, variable) => {
      const err = configError(env);
      expect(err.problems.some((p) => new RegExp(`\\b${variable}\\b`).test(p))).toBe(true);
      expect(err.message).toContain(variable);
    });

    it('names every bad variable at once, not just the first', () => {
      const err = configError({ PORT: 'abc', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
      expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'NODE_ENV', 'PORT']);
    });
  });

  describe('production', () => {
    it('accepts its own secret and WeChat; dev login and demo data are off', () => {
      const c = loadConfig(PRODUCTION);
      expect(c).toMatchObject({ env: 'production', auth: { devLogin: false, tokenSecret: 'p'.repeat(40) }, seedDemo: false, database: { dialect: 'mariadb' } });
      expect(c.wechat).toMatchObject({ appId: 'wx1234567890abcdef' });
    });

    it.each<[string, Record<string, string | undefined>, string]>([
      ['dev login switched on', { DEV_LOGIN: 'true' }, 'DEV_LOGIN'],
      ['the default token secret', { AUTH_TOKEN_SECRET: DEV_TOKEN_SECRET }, 'AUTH_TOKEN_SECRET'],
      ['no token secret at all (the default)', { AUTH_TOKEN_SECRET: undefined }, 'AUTH_TOKEN_SECRET'],
      ['a token secret under 32 characters', { AUTH_TOKEN_SECRET: 'x'.repeat(31) }, 'AUTH_TOKEN_SECRET'],
      ['demo data switched on', { SEED_DEMO: 'true' }, 'SEED_DEMO'],
      ['no WeChat AppID and secret', { WECHAT_APPID: undefined, WECHAT_SECRET: undefined }, 'WECHAT_APPID'],
    ])('refuses %s', (_name, change, variable) => {
      const env = { ...PRODUCTION, ...change };
      for (const [k, v] of Object.entries(change)) if (v === undefined) delete (env as Record<string, unknown>)[k];
      const err = configError(env as Record<string, string>);
      expect(err.problems.some((p) => p.startsWith(variable))).toBe(true);
      expect(err.message).toContain(variable);
    });

    it('without WeChat does not quietly fall back to dev login', () => {
      const err = configError({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'p'.repeat(40) });
      expect(err.problems.some((p) => p.startsWith('WECHAT_APPID'))).toBe(true);
      expect(err.problems.some((p) => p.startsWith('DEV_LOGIN'))).toBe(false);
    });
  });
});
