import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptConcernRequestSchema,
  CloseConcernRequestSchema,
  EscalateConcernRequestSchema,
  NotSolvedRequestSchema,
  RateConcernRequestSchema,
  ResolveConcernRequestSchema,
  ReturnConcernRequestSchema,
} from '../../../../contracts/concerns.contract';
import type {
  AcceptConcernRequest, CloseConcernRequest, ConcernDetail, EscalateConcernRequest, NotSolvedRequest, RateConcernRequest, ResolveConcernRequest, ReturnConcernRequest,
} from '../../../../contracts/concerns.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { ConcernActionsService } from './concern-actions.service';

const STAFF = ['grid_worker', 'community_staff', 'street_admin', 'department'] as const;
const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));

/** The lifecycle steps; the service checks who holds the concern and which transitions its state allows (409 otherwise). */
@ApiTags('concerns')
@Controller('api/concerns/:id')
export class ConcernActionsController {
  constructor(private readonly actions: ConcernActionsService) {}

  @Post('accept') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(AcceptConcernRequestSchema)
  accept(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(AcceptConcernRequestSchema) b: AcceptConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'accept', b);
  }

  @Post('start') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(AcceptConcernRequestSchema)
  start(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(AcceptConcernRequestSchema) b: AcceptConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'start', b);
  }

  @Post('resolve') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(ResolveConcernRequestSchema)
  resolve(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ResolveConcernRequestSchema) b: ResolveConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'resolve', b);
  }

  @Post('escalate') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(EscalateConcernRequestSchema)
  escalate(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(EscalateConcernRequestSchema) b: EscalateConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'escalate', { version: b.version, note: b.reason, departmentId: b.departmentId });
  }

  @Post('return') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(ReturnConcernRequestSchema)
  sendBack(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ReturnConcernRequestSchema) b: ReturnConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'return', { version: b.version, note: b.instructions });
  }

  @Post('close') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(CloseConcernRequestSchema)
  close(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CloseConcernRequestSchema) b: CloseConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'close', { version: b.version, note: b.note, closeReason: b.reason });
  }

  @Post('rate') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(RateConcernRequestSchema)
  rate(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(RateConcernRequestSchema) b: RateConcernRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'rate', { rating: b.rating, note: b.comment });
  }

  @Post('not-solved') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(NotSolvedRequestSchema)
  notSolved(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(NotSolvedRequestSchema) b: NotSolvedRequest): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'not_solved', { note: b.comment });
  }

  @Post('withdraw') @HttpCode(200) @Access.roles('resident') @ApiJsonBody(NotSolvedRequestSchema.partial())
  withdraw(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(NotSolvedRequestSchema.partial()) b: Partial<NotSolvedRequest>): Promise<ConcernDetail> {
    return this.actions.act(a, id, 'withdraw', { note: b.comment ?? null });
  }

  @Post('me-too') @HttpCode(200) @Access.roles('resident')
  meToo(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<ConcernDetail> {
    return this.actions.meToo(a, id);
  }
}
