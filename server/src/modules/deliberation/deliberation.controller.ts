import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CancelSessionRequestSchema, CreateSeriesRequestSchema, MoveSessionRequestSchema, RepresentativeRequestSchema, SessionsQuerySchema, UpdateSeriesRequestSchema,
} from '../../../../contracts/deliberation.contract';
import type {
  CancelSessionRequest, CreateSeriesRequest, MoveSessionRequest, RegistrationItem, RepresentativeItem, RepresentativeRequest, SeriesItem, SeriesUpdateResult, SessionItem, SessionsQuery, UpdateSeriesRequest,
} from '../../../../contracts/deliberation.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationRepresentativesService } from './deliberation-representatives.service';
import { DeliberationSeriesService } from './deliberation-series.service';
import { DeliberationSignupService } from './deliberation-signup.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 议事亭: series and sessions of my community, sign-up and cancellation, representatives. */
@ApiTags('deliberation')
@Controller('api/deliberation')
export class DeliberationController {
  constructor(
    private readonly series: DeliberationSeriesService,
    private readonly signup: DeliberationSignupService,
    private readonly representatives: DeliberationRepresentativesService,
  ) {}

  @Post('series') @Access.roles('community_staff') @ApiJsonBody(CreateSeriesRequestSchema)
  createSeries(@CurrentUser() a: AuthClaims, @body(CreateSeriesRequestSchema) b: CreateSeriesRequest): Promise<SeriesItem> {
    return this.series.createSeries(a, b);
  }

  @Put('series/:id') @Access.roles('community_staff') @ApiJsonBody(UpdateSeriesRequestSchema)
  updateSeries(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(UpdateSeriesRequestSchema) b: UpdateSeriesRequest): Promise<SeriesUpdateResult> {
    return this.series.updateSeries(a, id, b);
  }

  @Post('series/:id/end') @HttpCode(200) @Access.roles('community_staff')
  endSeries(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<SeriesItem> {
    return this.series.endSeries(a, id);
  }

  @Get('series') @Access.roles(...MEMBERS)
  listSeries(@CurrentUser() a: AuthClaims): Promise<SeriesItem[]> {
    return this.series.listSeries(a);
  }

  @Get('sessions') @Access.roles(...MEMBERS)
  sessions(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(SessionsQuerySchema, '查询参数')) q: SessionsQuery): Promise<SessionItem[]> {
    return q.when === 'past' ? this.series.past(a, q.limit) : this.series.upcoming(a);
  }

  @Get('sessions/:id') @Access.roles(...MEMBERS)
  session(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<SessionItem> {
    return this.series.one(a, id);
  }

  @Post('sessions/:id/cancel') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(CancelSessionRequestSchema)
  cancel(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CancelSessionRequestSchema) b: CancelSessionRequest): Promise<SessionItem> {
    return this.series.cancel(a, id, b);
  }

  @Post('sessions/:id/move') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(MoveSessionRequestSchema)
  move(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(MoveSessionRequestSchema) b: MoveSessionRequest): Promise<SessionItem> {
    return this.series.move(a, id, b);
  }

  @Post('sessions/:id/sign-up') @Access.roles('resident')
  signUp(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<RegistrationItem> {
    return this.signup.signUp(a, id);
  }

  @Post('sessions/:id/withdraw') @HttpCode(200) @Access.roles('resident')
  withdraw(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<RegistrationItem> {
    return this.signup.withdraw(a, id);
  }

  @Get('representatives') @Access.roles('community_staff')
  listRepresentatives(@CurrentUser() a: AuthClaims): Promise<RepresentativeItem[]> {
    return this.representatives.list(a);
  }

  @Post('representatives') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(RepresentativeRequestSchema)
  addRepresentative(@CurrentUser() a: AuthClaims, @body(RepresentativeRequestSchema) b: RepresentativeRequest): Promise<RepresentativeItem[]> {
    return this.representatives.add(a, b.userId);
  }

  @Delete('representatives/:id') @Access.roles('community_staff')
  removeRepresentative(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) userId: number): Promise<RepresentativeItem[]> {
    return this.representatives.remove(a, userId);
  }
}
