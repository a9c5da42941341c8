import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeRoleRequestSchema, CreateInvitationRequestSchema, RedeemInvitationRequestSchema } from '../../../../contracts/staff.contract';
import type {
  ChangeRoleRequest, CreateInvitationRequest, CreatedInvitation, InvitationItem, RedeemInvitationRequest, RedeemResponse, StaffAreasResponse, StaffMember,
} from '../../../../contracts/staff.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { StaffInvitationsService } from './staff-invitations.service';
import { StaffService } from './staff.service';

const MANAGERS = ['street_admin', 'community_staff'] as const;

/** 人员与邀请: invite to a role and area with a one-time code, redeem it, list staff, change or revoke a role. */
@ApiTags('staff')
@Controller('api/staff')
export class StaffController {
  constructor(private readonly invitations: StaffInvitationsService, private readonly staff: StaffService) {}

  @Get() @Access.roles(...MANAGERS)
  list(@CurrentUser() a: AuthClaims): Promise<{ items: StaffMember[] }> {
    return this.staff.list(a);
  }

  @Get('areas') @Access.roles(...MANAGERS)
  areas(@CurrentUser() a: AuthClaims): Promise<StaffAreasResponse> {
    return this.invitations.areas(a);
  }

  @Get('invitations') @Access.roles(...MANAGERS)
  pending(@CurrentUser() a: AuthClaims): Promise<{ items: InvitationItem[] }> {
    return this.invitations.pending(a);
  }

  @Post('invitations') @HttpCode(201) @Access.roles(...MANAGERS) @ApiJsonBody(CreateInvitationRequestSchema)
  create(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(CreateInvitationRequestSchema)) b: CreateInvitationRequest): Promise<CreatedInvitation> {
    return this.invitations.create(a, b);
  }

  @Post('invitations/redeem') @HttpCode(200) @Access.authenticated() @ApiJsonBody(RedeemInvitationRequestSchema)
  redeem(@CurrentUser() a: AuthClaims, @Body(new ZodValidationPipe(RedeemInvitationRequestSchema)) b: RedeemInvitationRequest): Promise<RedeemResponse> {
    return this.invitations.redeem(a, b.code);
  }

  @Post('invitations/:id/revoke') @HttpCode(200) @Access.roles(...MANAGERS)
  revokeInvitation(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<InvitationItem> {
    return this.invitations.revoke(a, id);
  }

  @Put(':id/role') @Access.roles(...MANAGERS) @ApiJsonBody(ChangeRoleRequestSchema)
  changeRole(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(ChangeRoleRequestSchema)) b: ChangeRoleRequest): Promise<StaffMember> {
    return this.staff.changeRole(a, id, b);
  }

  @Post(':id/revoke') @HttpCode(200) @Access.roles(...MANAGERS)
  revoke(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<StaffMember> {
    return this.staff.revoke(a, id);
  }
}
