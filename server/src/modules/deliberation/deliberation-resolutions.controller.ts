import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeResolutionStatusRequestSchema, DeliberationFiguresQuerySchema, ResolutionBoardQuerySchema, ResolutionNoteRequestSchema,
  UpdateResolutionRequestSchema,
} from '../../../../contracts/deliberation-outcomes.contract';
import type {
  ChangeResolutionStatusRequest, DeliberationFigures, DeliberationFiguresQuery, FollowResponse, ResolutionBoardPage, ResolutionBoardQueryParsed,
  ResolutionDetail, ResolutionNoteRequest, UpdateResolutionRequest,
} from '../../../../contracts/deliberation-outcomes.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationFiguresService } from './deliberation-figures.service';
import { DeliberationResolutionsBoardService } from './deliberation-resolutions-board.service';
import { DeliberationResolutionStatusService } from './deliberation-resolutions-status.service';
import { DeliberationResolutionsService } from './deliberation-resolutions.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));
const MEMBERS = ['resident', 'grid_worker', 'community_staff'] as const;

/** 决议: the public board, one resolution with its history, status changes, progress notes, follow; and the figures. */
@ApiTags('deliberation')
@Controller('api/deliberation')
export class DeliberationResolutionsController {
  constructor(
    private readonly resolutions: DeliberationResolutionsService,
    private readonly status: DeliberationResolutionStatusService,
    private readonly board: DeliberationResolutionsBoardService,
    private readonly figuresService: DeliberationFiguresService,
  ) {}

  @Get('resolutions') @Access.roles(...MEMBERS, 'street_admin') @ApiQueryFrom(ResolutionBoardQuerySchema)
  list(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(ResolutionBoardQuerySchema, '查询参数')) q: ResolutionBoardQueryParsed): Promise<ResolutionBoardPage> {
    return this.board.list(a, q);
  }

  @Get('resolutions/:id') @Access.roles(...MEMBERS, 'street_admin')
  detail(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<ResolutionDetail> {
    return this.resolutions.detail(a, id);
  }

  @Patch('resolutions/:id') @Access.roles('community_staff') @ApiJsonBody(UpdateResolutionRequestSchema)
  update(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(UpdateResolutionRequestSchema) b: UpdateResolutionRequest): Promise<ResolutionDetail> {
    return this.resolutions.update(a, id, b);
  }

  @Post('resolutions/:id/status') @HttpCode(200) @Access.roles('community_staff', 'street_admin') @ApiJsonBody(ChangeResolutionStatusRequestSchema)
  changeStatus(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ChangeResolutionStatusRequestSchema) b: ChangeResolutionStatusRequest): Promise<ResolutionDetail> {
    return this.status.change(a, id, b);
  }

  @Post('resolutions/:id/notes') @Access.roles('community_staff', 'street_admin') @ApiJsonBody(ResolutionNoteRequestSchema)
  note(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ResolutionNoteRequestSchema) b: ResolutionNoteRequest): Promise<ResolutionDetail> {
    return this.status.note(a, id, b.note);
  }

  @Post('resolutions/:id/follow') @HttpCode(200) @Access.roles(...MEMBERS)
  follow(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<FollowResponse> {
    return this.status.follow(a, id, true);
  }

  @Delete('resolutions/:id/follow') @Access.roles(...MEMBERS)
  unfollow(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<FollowResponse> {
    return this.status.follow(a, id, false);
  }

  @Get('figures') @Access.roles('community_staff', 'street_admin') @ApiQueryFrom(DeliberationFiguresQuerySchema)
  figures(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(DeliberationFiguresQuerySchema, '查询参数')) q: DeliberationFiguresQuery): Promise<DeliberationFigures> {
    return this.figuresService.figures(a, q);
  }
}
