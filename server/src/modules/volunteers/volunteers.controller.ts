import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApplyVolunteerRequestSchema, ApproveVolunteerRequestSchema, DeclineVolunteerRequestSchema, VolunteersQuerySchema,
} from '../../../../contracts/volunteers.contract';
import type {
  ApplyVolunteerRequest, ApproveVolunteerRequest, DeclineVolunteerRequest, VolunteerItem, VolunteersQuery, VolunteerTeamItem,
} from '../../../../contracts/volunteers.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { VolunteersService } from './volunteers.service';

/** Applying to volunteer (小红帽) and the community's approval. */
@ApiTags('volunteers')
@Controller('api/volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get('teams') @Access.authenticated()
  async teams(@CurrentUser() a: AuthClaims): Promise<{ items: VolunteerTeamItem[] }> {
    return { items: await this.volunteers.teams(a) };
  }

  @Post('apply') @HttpCode(201) @Access.roles('resident') @ApiJsonBody(ApplyVolunteerRequestSchema)
  apply(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(ApplyVolunteerRequestSchema)) b: ApplyVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.apply(a, b);
  }

  @Get('me') @Access.authenticated()
  me(@CurrentUser() a: AuthClaims): Promise<VolunteerItem> {
    return this.volunteers.mine(a);
  }

  @Get() @Access.roles('community_staff', 'street_admin') @ApiQueryFrom(VolunteersQuerySchema)
  async list(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(VolunteersQuerySchema, '查询参数')) q: VolunteersQuery): Promise<{ items: VolunteerItem[] }> {
    return { items: await this.volunteers.list(a, q) };
  }

  @Post(':id/approve') @HttpCode(200) @Access.roles('community_staff', 'street_admin') @ApiJsonBody(ApproveVolunteerRequestSchema)
  approve(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(ApproveVolunteerRequestSchema)) b: ApproveVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.approve(a, id, b);
  }

  @Post(':id/decline') @HttpCode(200) @Access.roles('community_staff', 'street_admin') @ApiJsonBody(DeclineVolunteerRequestSchema)
  decline(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(DeclineVolunteerRequestSchema)) b: DeclineVolunteerRequest): Promise<VolunteerItem> {
    return this.volunteers.decline(a, id, b);
  }
}
