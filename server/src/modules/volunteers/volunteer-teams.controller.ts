import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SetTeamLeaderRequestSchema } from '../../../../contracts/volunteers.contract';
import type { SetTeamLeaderRequest, StaffTeamItem, TeamMemberItem, VolunteerTeamItem } from '../../../../contracts/volunteers.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { VolunteerTeamsService } from './volunteer-teams.service';

/** 小红帽 teams: the list (with each team's 队长 for staff), and appointing or clearing a leader. */
@ApiTags('volunteers')
@Controller('api/volunteers/teams')
export class VolunteerTeamsController {
  constructor(private readonly teams: VolunteerTeamsService) {}

  @Get() @Access.authenticated()
  async list(@CurrentUser() a: AuthClaims): Promise<{ items: VolunteerTeamItem[] }> {
    return { items: await this.teams.list(a) };
  }

  @Get(':id/members') @Access.roles('community_staff', 'street_admin')
  async members(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<{ items: TeamMemberItem[] }> {
    return { items: await this.teams.members(a, id) };
  }

  @Put(':id/leader') @Access.roles('community_staff', 'street_admin') @ApiJsonBody(SetTeamLeaderRequestSchema)
  setLeader(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(SetTeamLeaderRequestSchema)) b: SetTeamLeaderRequest): Promise<StaffTeamItem> {
    return this.teams.setLeader(a, id, b);
  }
}
