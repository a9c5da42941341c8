import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode } from '../../contracts/errors';
import { AppModule } from './app.module';
import { registerHttpHardening } from './common/http/hardening';
import type { AppConfig } from './config/app-config';
import { APP_VERSION } from './modules/health/health.controller';

const NEST_LEVELS: Record<string, LogLevel[]> = {
  trace: ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'],
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
  fatal: ['fatal'],
  silent: [],
};

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Shutdown drain: keep listening until no connection has arrived for this long and each accepted one has sent its request (at most DRAIN_MAX_MS). */
const DRAIN_QUIET_MS = 50;
const DRAIN_MAX_MS = 1000;

/** Builds the whole service (used by main.ts, the tests and the benchmark). */
export async function createApp(config: AppConfig, opts: { logStream?: { write(msg: string): void } } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.authorization', '*.session_key', '*.sessionKey'], ...(opts.logStream ? { stream: opts.logStream } : {}) },
    logController: new LogController({ disableRequestLogging: true }),
    // Request id: the caller's X-Request-Id when sane, else a new UUID; echoed back in every response.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // While closing, new requests get our own 503 shape (the onRequest hook below), not Fastify's.
    return503OnClosing: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new ConsoleLogger({ json: true, logLevels: NEST_LEVELS[config.logLevel] ?? NEST_LEVELS.info }),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  await registerHttpHardening(fastify, config);
  let closing = false;
  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    if (closing) {
      return reply
        .code(503)
        .header('connection', 'close')
        .send({ code: ErrorCode.SHUTTING_DOWN, message: '服务正在重启，请稍后再试', requestId: String(req.id) });
    }
  });
  // Graceful shutdown: once closing, new requests are answered 503 (return503OnClosing), but the socket
  // keeps listening until connections stop arriving and every accepted one has sent its request, so
  // connections already queued in the kernel's backlog get an HTTP answer instead of a reset (closing
  // the server drops accepted connections that have not sent a request yet as "idle").
  let lastConnectionAt = 0;
  const waitingForRequest = new Set<Socket>();
  fastify.server.on('connection', (socket: Socket) => {
    lastConnectionAt = Date.now();
    waitingForRequest.add(socket);
    socket.once('close', () => waitingForRequest.delete(socket));
  });
  fastify.server.on('request', (req: IncomingMessage) => waitingForRequest.delete(req.socket));
  fastify.addHook('preClose', async () => {
    closing = true;
    if (!fastify.server.listening) return;
    const deadline = Date.now() + DRAIN_MAX_MS;
    do {
      await new Promise((resolve) => setTimeout(resolve, 10));
      // setImmediate runs after an I/O poll: pending connections and their first bytes have been taken in.
      await new Promise((resolve) => setImmediate(resolve));
    } while (Date.now() < deadline && (waitingForRequest.size > 0 || Date.now() - lastConnectionAt < DRAIN_QUIET_MS));
  });

  // One structured line per request (skipped entirely at LOG_LEVEL=warn and above).
  if (['info', 'debug', 'trace'].includes(config.logLevel)) {
    fastify.addHook('onResponse', async (req, reply) => {
      req.log.info({ method: req.method, url: req.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    });
  }

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Linli 邻里 API')
      .setDescription('Concerns 民情诉求, organisation, notifications. Errors: { code, message, requestId }.')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });

  // The H5 build of the mini-program, served at / (hash router: no deep-link fallback needed).
  const h5 = resolve(config.h5Dir);
  if (existsSync(resolve(h5, 'index.html'))) {
    await fastify.register(fastifyStatic, { root: h5, prefix: '/', decorateReply: false, index: ['index.html'], wildcard: true });
  } else {
    fastify.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send(`Linli API is running. The H5 app is not built (${h5} missing): run npm run build:h5.`),
    );
  }
  return app;
}
