import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Open311Error } from '../../../../contracts/open311.contract';
import { DomainException } from '../../common/domain-exception';

/**
 * GeoReport v2 answers errors as `[{ code, description }]` with `code` = the HTTP status. This filter
 * is scoped to the GeoReport controller only (`@UseFilters`); everything else keeps the one global
 * filter's `{ code, message, requestId }`. The request id still travels in the x-request-id header.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, description } = this.map(error);
    if (status >= 500) request.log.error({ err: error, requestId: request.id }, 'open311 request failed');
    const body: Open311Error[] = [{ code: status, description }];
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private map(error: unknown): { status: number; description: string } {
    if (error instanceof DomainException) {
      return { status: error.status, description: error.message };
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      return { status: error.getStatus(), description: '请求不正确' };
    }
    return { status: 500, description: '服务出了点问题，请稍后再试' };
  }
}
