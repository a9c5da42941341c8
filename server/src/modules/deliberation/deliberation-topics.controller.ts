import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  AutoPlaceRequestSchema, CreateTopicRequestSchema, DeclineTopicRequestSchema, MergeTopicRequestSchema, ScheduleTopicRequestSchema,
  TopicListQuerySchema, UpdateDeliberationSettingsRequestSchema,
} from '../../../../contracts/deliberation-topics.contract';
import type {
  AutoPlaceRequest, DeclineTopicRequest, DeliberationSettingsItem, MergeTopicRequest, ScheduleTopicRequest, TopicDetail, TopicListResponse,
  TopicQueueResponse, UpdateDeliberationSettingsRequest,
} from '../../../../contracts/deliberation-topics.contract';
import { IDEMPOTENCY_HEADER } from '../../../../contracts/errors';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationTopicsQueryService } from './deliberation-topics-query.service';
import { DeliberationTopicsSettingsService } from './deliberation-topics-settings.service';
import { DeliberationTopicsTriageService } from './deliberation-topics-triage.service';
import { DeliberationTopicsService } from './deliberation-topics.service';

const body = <T>(schema: z.ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 议事亭 topics: settings, proposing and supporting, lists and detail, staff triage. */
@ApiTags('deliberation')
@Controller('api/deliberation')
export class DeliberationTopicsController {
  constructor(
    private readonly topics: DeliberationTopicsService,
    private readonly query: DeliberationTopicsQueryService,
    private readonly triage: DeliberationTopicsTriageService,
    private readonly settings: DeliberationTopicsSettingsService,
  ) {}

  @Get('settings') @Access.roles('community_staff')
  getSettings(@CurrentUser() a: AuthClaims): Promise<DeliberationSettingsItem> {
    return this.settings.get(a);
  }

  @Put('settings') @Access.roles('community_staff') @ApiJsonBody(UpdateDeliberationSettingsRequestSchema)
  putSettings(@CurrentUser() a: AuthClaims, @body(UpdateDeliberationSettingsRequestSchema) b: UpdateDeliberationSettingsRequest): Promise<DeliberationSettingsItem> {
    return this.settings.update(a, b);
  }

  @Post('topics') @Access.roles('resident') @ApiJsonBody(CreateTopicRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe create: same key, same answer' })
  async propose(
    @CurrentUser() a: AuthClaims,
    @body(CreateTopicRequestSchema) b: z.infer<typeof CreateTopicRequestSchema>,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TopicDetail> {
    const r = await this.topics.propose(a, b, key);
    void reply.status(r.status).header('idempotent-replayed', String(r.replayed));
    return r.body;
  }

  @Get('topics') @Access.roles(...MEMBERS) @ApiQueryFrom(TopicListQuerySchema)
  list(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(TopicListQuerySchema, '查询参数')) q: z.infer<typeof TopicListQuerySchema>): Promise<TopicListResponse> {
    return this.query.list(a, q);
  }

  @Get('topics/queue') @Access.roles('community_staff')
  queue(@CurrentUser() a: AuthClaims): Promise<TopicQueueResponse> {
    return this.query.queue(a);
  }

  @Get('topics/:id') @Access.roles(...MEMBERS)
  detail(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<TopicDetail> {
    return this.query.detailFor(a, id);
  }

  @Post('topics/:id/support') @HttpCode(200) @Access.roles('resident')
  support(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<TopicDetail> {
    return this.topics.support(a, id);
  }

  @Delete('topics/:id/support') @HttpCode(200) @Access.roles('resident')
  withdraw(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<TopicDetail> {
    return this.topics.withdraw(a, id);
  }

  @Post('topics/:id/schedule') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(ScheduleTopicRequestSchema)
  schedule(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ScheduleTopicRequestSchema) b: ScheduleTopicRequest): Promise<TopicDetail> {
    return this.triage.schedule(a, id, b);
  }

  @Post('topics/:id/merge') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(MergeTopicRequestSchema)
  merge(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(MergeTopicRequestSchema) b: MergeTopicRequest): Promise<TopicDetail> {
    return this.triage.merge(a, id, b);
  }

  @Post('topics/:id/decline') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(DeclineTopicRequestSchema)
  decline(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(DeclineTopicRequestSchema) b: DeclineTopicRequest): Promise<TopicDetail> {
    return this.triage.decline(a, id, b);
  }

  @Post('topics/:id/auto-place') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(AutoPlaceRequestSchema)
  autoPlace(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(AutoPlaceRequestSchema) b: AutoPlaceRequest): Promise<TopicDetail> {
    return this.triage.autoPlace(a, id, b);
  }
}
