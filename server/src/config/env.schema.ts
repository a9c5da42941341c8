import { z } from 'zod';

/** Default token secret used only outside production; production refuses to start with it. */
export const DEV_TOKEN_SECRET = 'linli-dev-secret-do-not-use-in-production';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().default(fallback);

/**
 * Every environment variable the service reads. Parsed once at boot (loadConfig);
 * the README's configuration table documents the same list.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional().default('development'),
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).optional().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .optional()
    .default('sqlite:data/linli.sqlite')
    .refine((v) => /^(sqlite:|mysql:\/\/|mariadb:\/\/)/.test(v), {
      message: 'must start with sqlite:, mysql:// or mariadb://',
    }),
  DATA_DIR: z.string().min(1).optional().default('data'),
  H5_DIR: z.string().min(1).optional().default('dist/h5'),
  AUTH_TOKEN_SECRET: z.string().min(16, 'must be at least 16 characters').optional().default(DEV_TOKEN_SECRET),
  AUTH_TOKEN_TTL_HOURS: int(24 * 30, 1, 24 * 365),
  WECHAT_APPID: z.string().regex(/^wx[0-9a-zA-Z]{6,32}$/, 'must look like wx0123456789abcdef').optional(),
  WECHAT_SECRET: z.string().min(8).optional(),
  WECHAT_API_BASE_URL: z.url().optional().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: int(5000, 100, 60000),
  DEV_LOGIN: bool(true),
  SEED_DEMO: bool(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  SCHEDULER_ENABLED: bool(true),
  SCHEDULER_INTERVAL_MS: int(60_000, 50, 3_600_000),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100, 120_000),
  DB_POOL_SIZE: int(10, 1, 200),
  // issue 11 — failing parts: a database that stops answering gives fast 503s
  DB_QUERY_TIMEOUT_MS: int(10_000, 100, 600_000),
  DB_ACQUIRE_TIMEOUT_MS: int(3_000, 100, 60_000),
  HEALTH_TIMEOUT_MS: int(1_500, 100, 10_000),
  // issue 11 — rate limits (counters in Redis when REDIS_URL is set, else in this process)
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must look like redis://127.0.0.1:6379').optional(),
  RATE_LIMITS_ENABLED: bool(true),
  // issue 11 — HTTP
  API_DOCS: bool(true),
  // issue 11 — photos
  UPLOAD_CONCURRENCY: int(8, 1, 256),
  // issue 11 — WeChat subscribe messages 订阅消息 (template ids from the mini-program's admin console) and content security
  WECHAT_TEMPLATE_CONCERN_ACCEPTED: z.string().min(1).max(64).optional(),
  WECHAT_TEMPLATE_CONCERN_RESOLVED: z.string().min(1).max(64).optional(),
  WECHAT_TEMPLATE_CONCERN_ESCALATED: z.string().min(1).max(64).optional(),
  WECHAT_TEMPLATE_SESSION_REMINDER: z.string().min(1).max(64).optional(),
  WECHAT_TEMPLATE_VOLUNTEER_COMING: z.string().min(1).max(64).optional(),
  WECHAT_TEMPLATE_HOURS_CREDITED: z.string().min(1).max(64).optional(),
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).optional().default('formal'),
  WECHAT_CONTENT_CHECK: bool(true),
  WECHAT_PUSH_TOKEN: z.string().min(3).max(32).optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  OUTBOX_INTERVAL_MS: int(5_000, 50, 3_600_000),
  OUTBOX_MAX_ATTEMPTS: int(6, 1, 50),
});
export type Env = z.infer<typeof EnvSchema>;
