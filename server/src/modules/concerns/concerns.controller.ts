import { Body, Controller, Get, Headers, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ConcernCategories,
  CreateConcernRequestSchema,
  InboxQuerySchema,
  ProxyConcernRequestSchema,
  SimilarQuerySchema,
  UpdateCategoryRequestSchema,
} from '../../../../contracts/concerns.contract';
import type {
  CategoryConfig, ConcernCategory, ConcernDetail, ConcernItem, CreateConcernRequest, InboxQuery, ProxyConcernRequest, SimilarQuery, UpdateCategoryRequest,
} from '../../../../contracts/concerns.contract';
import { PageQuerySchema, type Page, type PageQuery } from '../../../../contracts/common.contract';
import { IDEMPOTENCY_HEADER } from '../../../../contracts/errors';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import type { StoredResponse } from '../../common/idempotency/idempotency.service';
import { ConcernCategoriesService } from './concern-categories.service';
import { ConcernsQueryService } from './concerns-query.service';
import { ConcernsService } from './concerns.service';

const CategoryCodePipe = new ZodValidationPipe(z.enum(ConcernCategories), '类别');
const send = <T>(reply: FastifyReply, r: StoredResponse<T>): T => {
  void reply.status(r.status).header('idempotent-replayed', String(r.replayed));
  return r.body;
};

/** Creating and reading concerns. The lifecycle steps are in ConcernActionsController. */
@ApiTags('concerns')
@Controller('api/concerns')
export class ConcernsController {
  constructor(private readonly concerns: ConcernsService, private readonly query: ConcernsQueryService, private readonly categories: ConcernCategoriesService) {}

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
    return send(reply, await this.concerns.submit(auth, body, key));
  }

  @Post('proxy')
  @Access.roles('grid_worker')
  @ApiJsonBody(ProxyConcernRequestSchema)
  async proxy(
    @CurrentUser() auth: AuthClaims,
    @Body(new ZodValidationPipe(ProxyConcernRequestSchema)) body: ProxyConcernRequest,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConcernItem> {
    return send(reply, await this.concerns.submitForResident(auth, body, key));
  }

  @Get('mine')
  @Access.authenticated()
  @ApiQueryFrom(PageQuerySchema)
  mine(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(PageQuerySchema, '查询参数')) q: PageQuery): Promise<Page<ConcernItem>> {
    return this.query.mine(auth, q);
  }

  @Get('inbox')
  @Access.roles('grid_worker', 'community_staff', 'street_admin', 'department')
  @ApiQueryFrom(InboxQuerySchema)
  inbox(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(InboxQuerySchema, '查询参数')) q: InboxQuery): Promise<Page<ConcernItem>> {
    return this.query.inbox(auth, q);
  }

  @Get('public')
  @Access.authenticated()
  @ApiQueryFrom(PageQuerySchema)
  publicList(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(PageQuerySchema, '查询参数')) q: PageQuery): Promise<Page<ConcernItem>> {
    return this.query.publicList(auth, q);
  }

  @Get('similar')
  @Access.roles('resident')
  @ApiQueryFrom(SimilarQuerySchema)
  similar(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(SimilarQuerySchema, '查询参数')) q: SimilarQuery): Promise<{ items: ConcernItem[] }> {
    return this.query.similar(auth, q);
  }

  @Get('categories')
  @Access.authenticated()
  async listCategories(@CurrentUser() auth: AuthClaims): Promise<{ items: CategoryConfig[] }> {
    return { items: await this.categories.list(auth) };
  }

  @Put('categories/:code')
  @Access.roles('community_staff')
  @ApiJsonBody(UpdateCategoryRequestSchema)
  async updateCategory(
    @CurrentUser() auth: AuthClaims,
    @Param('code', CategoryCodePipe) code: ConcernCategory,
    @Body(new ZodValidationPipe(UpdateCategoryRequestSchema)) body: UpdateCategoryRequest,
  ): Promise<{ items: CategoryConfig[] }> {
    return { items: await this.categories.update(auth, code, body) };
  }

  @Get(':id')
  @Access.authenticated()
  detail(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<ConcernDetail> {
    return this.query.detail(auth, id);
  }
}
