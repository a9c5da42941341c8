import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config/app-config';

/** Issue 11 slot — security headers, compression, rate limits on the Fastify instance (before routes are added). */
export async function registerHttpHardening(_fastify: FastifyInstance, _config: AppConfig): Promise<void> {}
