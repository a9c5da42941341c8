import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, ErrorResponse } from '../../../../contracts/errors';
import { DomainException } from '../domain-exception';

interface Mapped {
  status: number;
  body: Omit<ErrorResponse, 'requestId'> & Record<string, unknown>;
}

const FASTIFY_ERRORS: Record<string, Mapped> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, body: { code: ErrorCode.MALFORMED_JSON, message: '请求内容不是有效的 JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, body: { code: ErrorCode.MALFORMED_JSON, message: '请求内容为空' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, body: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: '请求内容太大' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, body: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容类型' } },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, body: { code: ErrorCode.MALFORMED_JSON, message: '请求长度不正确' } },
};

const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'PROTOCOL_CONNECTION_LOST', 'ETIMEDOUT', 'ER_CON_COUNT_ERROR', 'EHOSTUNREACH', 'ENOTFOUND', 'ER_SERVER_SHUTDOWN', 'POOL_CLOSED']);
/** SQLite: locked by another process past busy_timeout, file unreadable/unwritable, disk full. */
const SQLITE_DOWN = /^SQLITE_(BUSY|IOERR|CANTOPEN|FULL|READONLY)/;
/** Errors without a code: a closed better-sqlite3 connection, a closed mysql2 pool, TypeORM's MySQL driver without a pool. */
const DB_DOWN_MESSAGE = /^(The database connection is not open|Pool is closed\.|Connection is not established with mysql database)/;
const DB_DOWN_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/** The database cannot be reached (or is closed): the request may succeed later, so 503, not 500. */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  if (!e) return false;
  const code = e.driverError?.code ?? e.code;
  if (code && (DB_DOWN.has(code) || SQLITE_DOWN.test(code))) return true;
  if (e.name && DB_DOWN_NAMES.has(e.name)) return true;
  return DB_DOWN_MESSAGE.test(e.driverError?.message ?? '') || DB_DOWN_MESSAGE.test(e.message ?? '');
}

/** The one place errors become HTTP responses: `{ code, message, requestId }`. Unknown errors are a logged 500. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = this.map(error, request);
    if (mapped.status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'request failed');
    }
    void reply
      .status(mapped.status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ ...mapped.body, requestId: String(request.id) });
  }

  private map(error: unknown, request: FastifyRequest): Mapped {
    if (error instanceof DomainException) {
      return {
        status: error.status,
        body: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), ...(error.extra ?? {}) },
      };
    }
    if (error instanceof HttpException) {
      const cause = error.cause as { code?: string } | undefined;
      if (cause?.code && FASTIFY_ERRORS[cause.code]) return FASTIFY_ERRORS[cause.code];
      const status = error.getStatus();
      if (status === 404) {
        return { status, body: { code: ErrorCode.ROUTE_NOT_FOUND, message: `没有这个接口：${request.method} ${request.url.split('?')[0]}` } };
      }
      if (status === 413) return FASTIFY_ERRORS.FST_ERR_CTP_BODY_TOO_LARGE;
      if (status === 415) return FASTIFY_ERRORS.FST_ERR_CTP_INVALID_MEDIA_TYPE;
      if (status < 500) return { status, body: { code: ErrorCode.VALIDATION_FAILED, message: '请求不正确' } };
    }
    const e = error as { code?: string; statusCode?: number; driverError?: { code?: string } };
    if (e?.code && FASTIFY_ERRORS[e.code]) return FASTIFY_ERRORS[e.code];
    if (e?.code?.startsWith('FST_') && e.statusCode && e.statusCode < 500) {
      return { status: e.statusCode, body: { code: ErrorCode.VALIDATION_FAILED, message: '请求不正确' } };
    }
    if (isDatabaseUnavailable(error)) {
      return { status: 503, body: { code: ErrorCode.DATABASE_UNAVAILABLE, message: '服务暂时不可用，请稍后再试' } };
    }
    return { status: 500, body: { code: ErrorCode.INTERNAL_ERROR, message: '服务出了点问题，请稍后再试' } };
  }
}
