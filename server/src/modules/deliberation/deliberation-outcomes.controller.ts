import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CreateMinutesRequestSchema, CreateResolutionRequestSchema, UpdateMinutesRequestSchema,
} from '../../../../contracts/deliberation-outcomes.contract';
import type {
  CreateMinutesRequest, CreateResolutionRequest, MinutesItem, ResolutionDetail, SessionOutcome, UpdateMinutesRequest,
} from '../../../../contracts/deliberation-outcomes.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationCalendarService } from './deliberation-outcomes.calendar';
import { DeliberationOutcomesService } from './deliberation-outcomes.service';
import { DeliberationResolutionsService } from './deliberation-resolutions.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 议事亭 outcome of a session: minutes, its resolutions, and the session as an .ics calendar file. */
@ApiTags('deliberation')
@Controller('api/deliberation/sessions')
export class DeliberationOutcomesController {
  constructor(
    private readonly outcomes: DeliberationOutcomesService,
    private readonly resolutions: DeliberationResolutionsService,
    private readonly calendar: DeliberationCalendarService,
  ) {}

  @Get(':id/outcome') @Access.roles(...MEMBERS, 'street_admin')
  outcome(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<SessionOutcome> {
    return this.outcomes.outcome(a, id);
  }

  @Post(':id/minutes') @Access.roles('community_staff') @ApiJsonBody(CreateMinutesRequestSchema)
  createMinutes(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateMinutesRequestSchema) b: CreateMinutesRequest): Promise<MinutesItem> {
    return this.outcomes.create(a, id, b);
  }

  @Patch(':id/minutes') @Access.roles('community_staff') @ApiJsonBody(UpdateMinutesRequestSchema)
  updateMinutes(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(UpdateMinutesRequestSchema) b: UpdateMinutesRequest): Promise<MinutesItem> {
    return this.outcomes.update(a, id, b);
  }

  @Post(':id/resolutions') @Access.roles('community_staff') @ApiJsonBody(CreateResolutionRequestSchema)
  createResolution(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateResolutionRequestSchema) b: CreateResolutionRequest): Promise<ResolutionDetail> {
    return this.resolutions.create(a, id, b);
  }

  @Get(':id/calendar.ics') @Access.roles(...MEMBERS) @ApiProduces('text/calendar')
  async ics(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.calendar.ics(a, id);
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}
