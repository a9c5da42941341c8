import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptConcernRequestSchema, CreateConcernRequestSchema, InboxQuerySchema } from '../../../../contracts/concerns.contract';
import type { AcceptConcernRequest, ConcernDetail, ConcernItem, CreateConcernRequest, InboxQuery } from '../../../../contracts/concerns.contract';
import { PageQuerySchema, type Page, type PageQuery } from '../../../../contracts/common.contract';
import { IDEMPOTENCY_HEADER } from '../../../../contracts/errors';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { ConcernsService } from './concerns.service';

@ApiTags('concerns')
@Controller('api/concerns')
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService) {}

  @Post()
  @Access.roles('resident')
  @ApiJsonBody(CreateConcernRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe create: same key, same answer' })
  async submit(
    @CurrentUser() auth: AuthClaims,
    @Body(new ZodValidationPipe(CreateConcernRequestSchema)) body: CreateConcernRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConcernItem> {
    const result = await this.concerns.submit(auth, body, key);
    void reply.status(result.status).header('idempotent-replayed', String(result.replayed));
    return result.body;
  }

  @Get('mine')
  @Access.authenticated()
  @ApiQueryFrom(PageQuerySchema)
  mine(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(PageQuerySchema, '查询参数')) query: PageQuery): Promise<Page<ConcernItem>> {
    return this.concerns.mine(auth, query);
  }

  @Get('inbox')
  @Access.roles('grid_worker', 'community_staff', 'street_admin')
  @ApiQueryFrom(InboxQuerySchema)
  inbox(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(InboxQuerySchema, '查询参数')) query: InboxQuery): Promise<Page<ConcernItem>> {
    return this.concerns.inbox(auth, query);
  }

  @Get(':id')
  @Access.authenticated()
  detail(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<ConcernDetail> {
    return this.concerns.detail(auth, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Access.roles('grid_worker', 'community_staff')
  @ApiJsonBody(AcceptConcernRequestSchema)
  accept(
    @CurrentUser() auth: AuthClaims,
    @Param('id', IdPipe) id: number,
    @Body(new ZodValidationPipe(AcceptConcernRequestSchema)) body: AcceptConcernRequest,
  ): Promise<ConcernDetail> {
    return this.concerns.accept(auth, id, body);
  }
}
