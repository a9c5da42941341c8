import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApplyVolunteerRequestSchema, ApproveVolunteerRequestSchema, DeclineVolunteerRequestSchema, ReinstateVolunteerRequestSchema,
  SuspendVolunteerRequestSchema, VolunteersQuerySchema,
} from '../../../../contracts/volunteers.contract';
import type {
  ApplyVolunteerRequest, ApproveVolunteerRequest, DeclineVolunteerRequest, ReinstateVolunteerRequest, SuspendVolunteerRequest,
  VolunteerEventItem, VolunteerItem, VolunteersQuery,
} from '../../../../contracts/volunteers.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { VolunteerStatusService } from './volunteer-status.service';
import { VolunteersService } from './volunteers.service';

const STAFF = ['community_staff', 'street_admin'] as const;

/** Applying to volunteer (小红帽), the community's approval, 暂停 and 恢复, and a volunteer's history. */
@ApiTags('volunteers')
@Controller('api/volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService, private readonly status: VolunteerStatusService) {}

  @Post('apply') @HttpCode(201) @Access.roles('resident') @ApiJsonBody(ApplyVolunteerRequestSchema)
  apply(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(ApplyVolunteerRequestSchema)) b: ApplyVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.apply(a, b);
  }

  @Get('me') @Access.authenticated()
  me(@CurrentUser() a: AuthClaims): Promise<VolunteerItem> {
    return this.volunteers.mine(a);
  }

  @Get() @Access.roles(...STAFF) @ApiQueryFrom(VolunteersQuerySchema)
  async list(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(VolunteersQuerySchema, '查询参数')) q: VolunteersQuery): Promise<{ items: VolunteerItem[] }> {
    return { items: await this.volunteers.list(a, q) };
  }

  @Post(':id/approve') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(ApproveVolunteerRequestSchema)
  approve(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(ApproveVolunteerRequestSchema)) b: ApproveVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.approve(a, id, b);
  }

  @Post(':id/decline') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(DeclineVolunteerRequestSchema)
  decline(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(DeclineVolunteerRequestSchema)) b: DeclineVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.decline(a, id, b);
  }

  @Post(':id/suspend') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(SuspendVolunteerRequestSchema)
  suspend(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(SuspendVolunteerRequestSchema)) b: SuspendVolunteerRequest): Promise<VolunteerItem> {
    return this.status.suspend(a, id, b);
  }

  @Post(':id/reinstate') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(ReinstateVolunteerRequestSchema)
  reinstate(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(ReinstateVolunteerRequestSchema)) b: ReinstateVolunteerRequest): Promise<VolunteerItem> {
    return this.status.reinstate(a, id, b);
  }

  @Get(':id/history') @Access.roles(...STAFF)
  async history(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<{ items: VolunteerEventItem[] }> {
    return { items: await this.volunteers.history(a, id) };
  }
}
