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
});
export type Env = z.infer<typeof EnvSchema>;
