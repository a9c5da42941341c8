import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BuildingItem, CommunityItem, ListResponse, UnconfirmedResident, UnitItem } from '../../../../contracts/org.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { IdPipe } from '../../common/http/zod-validation.pipe';
import { OrgService } from './org.service';

@ApiTags('organisation')
@Controller('api/org')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('communities')
  @Access.authenticated()
  communities(): Promise<ListResponse<CommunityItem>> {
    return this.org.communities();
  }

  @Get('communities/:id/buildings')
  @Access.authenticated()
  buildings(@Param('id', IdPipe) id: number): Promise<ListResponse<BuildingItem>> {
    return this.org.buildings(id);
  }

  @Get('buildings/:id/units')
  @Access.authenticated()
  units(@Param('id', IdPipe) id: number): Promise<ListResponse<UnitItem>> {
    return this.org.units(id);
  }

  @Get('residents/unconfirmed')
  @Access.roles('grid_worker', 'community_staff', 'street_admin')
  unconfirmed(@CurrentUser() auth: AuthClaims): Promise<ListResponse<UnconfirmedResident>> {
    return this.org.unconfirmedResidents(auth);
  }

  @Post('residents/:id/confirm')
  @HttpCode(200)
  @Access.roles('grid_worker', 'community_staff')
  confirm(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<UnconfirmedResident> {
    return this.org.confirmResident(auth, id);
  }
}
