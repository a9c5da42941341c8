import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IDEMPOTENCY_HEADER } from '../../../../contracts/errors';
import { CreateHelpRequestSchema, HelpRequestsQuerySchema, ProxyHelpRequestSchema } from '../../../../contracts/volunteers.contract';
import type {
  CreateHelpRequest, HelpRequestDetail, HelpRequestItem, HelpRequestsQuery, ProxyHelpRequest, VolunteerSuggestion,
} from '../../../../contracts/volunteers.contract';
import type { Page } from '../../../../contracts/common.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import type { StoredResponse } from '../../common/idempotency/idempotency.service';
import { HelpRequestsQueryService } from './help-requests-query.service';
import { HelpRequestsService } from './help-requests.service';

const STAFF = ['grid_worker', 'community_staff', 'street_admin'] as const;
const QueryPipe = new ZodValidationPipe(HelpRequestsQuerySchema, '查询参数');
const send = <T>(reply: FastifyReply, r: StoredResponse<T>): T => {
  void reply.status(r.status).header('idempotent-replayed', String(r.replayed));
  return r.body;
};

/** Posting and reading 微心愿. The seat and lifecycle steps are in HelpRequestActionsController. */
@ApiTags('help-requests')
@Controller('api/help-requests')
export class HelpRequestsController {
  constructor(private readonly requests: HelpRequestsService, private readonly query: HelpRequestsQueryService) {}

  @Post() @Access.roles('resident') @ApiJsonBody(CreateHelpRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe create: same key, same answer' })
  async post(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(CreateHelpRequestSchema)) b: CreateHelpRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<HelpRequestItem> {
    return send(reply, await this.requests.post(a, b, key));
  }

  @Post('proxy') @Access.roles('grid_worker') @ApiJsonBody(ProxyHelpRequestSchema)
  async proxy(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(ProxyHelpRequestSchema)) b: ProxyHelpRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<HelpRequestItem> {
    return send(reply, await this.requests.postForResident(a, b, key));
  }

  @Get('mine') @Access.authenticated() @ApiQueryFrom(HelpRequestsQuerySchema)
  mine(@CurrentUser() a: AuthClaims, @Query(QueryPipe) q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    return this.query.mine(a, q);
  }

  @Get('hall') @Access.roles('resident') @ApiQueryFrom(HelpRequestsQuerySchema)
  hall(@CurrentUser() a: AuthClaims, @Query(QueryPipe) q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    return this.query.hall(a, q);
  }

  @Get('tasks') @Access.roles('resident') @ApiQueryFrom(HelpRequestsQuerySchema)
  tasks(@CurrentUser() a: AuthClaims, @Query(QueryPipe) q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    return this.query.tasks(a, q);
  }

  @Get('board') @Access.roles(...STAFF) @ApiQueryFrom(HelpRequestsQuerySchema)
  board(@CurrentUser() a: AuthClaims, @Query(QueryPipe) q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    return this.query.board(a, q);
  }

  @Get(':id') @Access.authenticated()
  detail(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<HelpRequestDetail> {
    return this.query.detail(a, id);
  }

  @Get(':id/suggestions') @Access.roles(...STAFF)
  async suggestions(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<{ items: VolunteerSuggestion[] }> {
    return { items: await this.query.suggestions(a, id) };
  }
}
