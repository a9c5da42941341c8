import { DEV_TOKEN_SECRET, EnvSchema } from './env.schema';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'mariadb'; url: string; poolSize: number };

/** Typed configuration; everything else in the server reads this, never process.env. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  dataDir: string;
  h5Dir: string;
  auth: { tokenSecret: string; tokenTtlHours: number; devLogin: boolean };
  wechat: { appId: string; secret: string; baseUrl: string; timeoutMs: number } | null;
  seedDemo: boolean;
  logLevel: string;
  scheduler: { enabled: boolean; intervalMs: number };
  shutdownTimeoutMs: number;
  /** Issue 11: time limits that turn a database which stopped answering into fast 503s. */
  resilience: { dbQueryTimeoutMs: number; dbAcquireTimeoutMs: number; healthTimeoutMs: number };
  /** Issue 11: per-action rate limits; `redisUrl` null keeps counters in this process (the embedded default). */
  rateLimits: { enabled: boolean; redisUrl: string | null };
  /** Issue 11: OpenAPI docs at /api/docs (never in production). */
  apiDocs: boolean;
  /** Issue 11: photo uploads processed at once; more wait their turn. */
  uploadConcurrency: number;
  /** Issue 11: subscribe messages 订阅消息 and content security; active only when `wechat` is configured. */
  wechatMessages: {
    templates: Partial<Record<SubscribeTemplateKey, string>>;
    miniprogramState: 'formal' | 'trial' | 'developer';
    contentCheck: boolean;
    pushToken: string | null;
    publicBaseUrl: string | null;
    outboxIntervalMs: number;
    outboxMaxAttempts: number;
  };
}

/** The moments a resident can be told about in WeChat (each one template id in configuration). */
export const SUBSCRIBE_TEMPLATE_KEYS = ['concern_accepted', 'concern_resolved', 'concern_escalated', 'session_reminder', 'volunteer_coming', 'hours_credited'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Parse and check the environment once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (Boolean(e.WECHAT_APPID) !== Boolean(e.WECHAT_SECRET)) {
    problems.push('WECHAT_APPID and WECHAT_SECRET: set both or neither');
  }
  const wechat = e.WECHAT_APPID && e.WECHAT_SECRET
    ? { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, baseUrl: e.WECHAT_API_BASE_URL.replace(/\/$/, ''), timeoutMs: e.WECHAT_TIMEOUT_MS }
    : null;
  // Dev login exists only without a WeChat AppID and outside production.
  const devLoginWanted = env.DEV_LOGIN !== undefined && env.DEV_LOGIN !== '' ? e.DEV_LOGIN : !wechat && e.NODE_ENV !== 'production';
  if (e.NODE_ENV === 'production') {
    if (e.AUTH_TOKEN_SECRET === DEV_TOKEN_SECRET || e.AUTH_TOKEN_SECRET.length < 32) {
      problems.push('AUTH_TOKEN_SECRET: production needs your own secret of at least 32 characters');
    }
    if (devLoginWanted) problems.push('DEV_LOGIN: dev login is not allowed in production');
    if (env.SEED_DEMO !== undefined && env.SEED_DEMO !== '' && e.SEED_DEMO) {
      problems.push('SEED_DEMO: demo data is not allowed in production');
    }
    if (!wechat) problems.push('WECHAT_APPID: production needs WECHAT_APPID and WECHAT_SECRET');
  }
  if (devLoginWanted && wechat) problems.push('DEV_LOGIN: dev login cannot be enabled while WECHAT_APPID is set');
  if (problems.length) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DB_POOL_SIZE),
    dataDir: e.DATA_DIR,
    h5Dir: e.H5_DIR,
    auth: { tokenSecret: e.AUTH_TOKEN_SECRET, tokenTtlHours: e.AUTH_TOKEN_TTL_HOURS, devLogin: devLoginWanted },
    wechat,
    seedDemo: e.NODE_ENV === 'production' ? false : e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    scheduler: { enabled: e.SCHEDULER_ENABLED, intervalMs: e.SCHEDULER_INTERVAL_MS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    resilience: { dbQueryTimeoutMs: e.DB_QUERY_TIMEOUT_MS, dbAcquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS, healthTimeoutMs: e.HEALTH_TIMEOUT_MS },
    rateLimits: { enabled: e.RATE_LIMITS_ENABLED, redisUrl: e.REDIS_URL ?? null },
    apiDocs: e.NODE_ENV === 'production' ? false : e.API_DOCS,
    uploadConcurrency: e.UPLOAD_CONCURRENCY,
    wechatMessages: {
      templates: Object.fromEntries(
        ([
          ['concern_accepted', e.WECHAT_TEMPLATE_CONCERN_ACCEPTED],
          ['concern_resolved', e.WECHAT_TEMPLATE_CONCERN_RESOLVED],
          ['concern_escalated', e.WECHAT_TEMPLATE_CONCERN_ESCALATED],
          ['session_reminder', e.WECHAT_TEMPLATE_SESSION_REMINDER],
          ['volunteer_coming', e.WECHAT_TEMPLATE_VOLUNTEER_COMING],
          ['hours_credited', e.WECHAT_TEMPLATE_HOURS_CREDITED],
        ] as const).filter(([, id]) => id),
      ) as Partial<Record<SubscribeTemplateKey, string>>,
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
      contentCheck: e.WECHAT_CONTENT_CHECK,
      pushToken: e.WECHAT_PUSH_TOKEN ?? null,
      publicBaseUrl: e.PUBLIC_BASE_URL ? e.PUBLIC_BASE_URL.replace(/\/$/, '') : null,
      outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
      outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    },
  };
}

function parseDatabaseUrl(url: string, poolSize: number): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError(['DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/linli.sqlite or sqlite::memory:']);
    return { dialect: 'sqlite', file };
  }
  try {
    const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
    if (!u.pathname || u.pathname === '/') throw new Error('no database');
  } catch {
    throw new ConfigError(['DATABASE_URL: must look like mysql://user:password@host:3306/database']);
  }
  return { dialect: 'mariadb', url: url.replace(/^mariadb:/, 'mysql:'), poolSize };
}

