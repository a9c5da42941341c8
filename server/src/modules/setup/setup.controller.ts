import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import {
  CreateAreaRequestSchema, CreateGridRequestSchema, CreateTeamRequestSchema, SetupKindSchema, SetupTreeQuerySchema, UpdateAreaRequestSchema,
  type CreateAreaRequest, type CreateGridRequest, type CreateTeamRequest, type SetupKind, type SetupNode, type SetupTree, type SetupTreeQuery,
  type UpdateAreaRequest,
} from '../../../../contracts/setup.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { SetupService } from './setup.service';

const kindPipe = new ZodValidationPipe(SetupKindSchema, '类别');
const body = <T>(schema: ZodType<T>) => Body(new ZodValidationPipe<T>(schema));

/** 组织架构: the street's organisation, kept by its own staff (contracts/setup.contract.ts lists the routes). */
@ApiTags('setup')
@Controller('api/setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get('tree') @Access.roles('street_admin', 'community_staff') @ApiQueryFrom(SetupTreeQuerySchema)
  tree(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(SetupTreeQuerySchema, '查询参数')) q: SetupTreeQuery): Promise<SetupTree> {
    return this.setup.tree(a, q.retired === '1');
  }

  @Post('communities') @Access.roles('street_admin') @ApiJsonBody(CreateAreaRequestSchema)
  createCommunity(@CurrentUser() a: AuthClaims, @body(CreateAreaRequestSchema) b: CreateAreaRequest): Promise<SetupNode> {
    return this.setup.createCommunity(a, b);
  }

  @Post('communities/:id/grids') @Access.roles('street_admin', 'community_staff') @ApiJsonBody(CreateGridRequestSchema)
  createGrid(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateGridRequestSchema) b: CreateGridRequest): Promise<SetupNode> {
    return this.setup.createGrid(a, id, b);
  }

  @Post('grids/:id/buildings') @Access.roles('street_admin', 'community_staff') @ApiJsonBody(CreateAreaRequestSchema)
  createBuilding(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateAreaRequestSchema) b: CreateAreaRequest): Promise<SetupNode> {
    return this.setup.createBuilding(a, id, b);
  }

  @Post('buildings/:id/units') @Access.roles('street_admin', 'community_staff') @ApiJsonBody(CreateAreaRequestSchema)
  createUnit(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(CreateAreaRequestSchema) b: CreateAreaRequest): Promise<SetupNode> {
    return this.setup.createUnit(a, id, b);
  }

  @Post('departments') @Access.roles('street_admin') @ApiJsonBody(CreateAreaRequestSchema)
  createDepartment(@CurrentUser() a: AuthClaims, @body(CreateAreaRequestSchema) b: CreateAreaRequest): Promise<SetupNode> {
    return this.setup.createDepartment(a, b);
  }

  @Post('volunteer-teams') @Access.roles('street_admin', 'community_staff') @ApiJsonBody(CreateTeamRequestSchema)
  createTeam(@CurrentUser() a: AuthClaims, @body(CreateTeamRequestSchema) b: CreateTeamRequest): Promise<SetupNode> {
    return this.setup.createTeam(a, b);
  }

  @Patch(':kind/:id') @Access.roles('street_admin', 'community_staff') @ApiJsonBody(UpdateAreaRequestSchema)
  update(@CurrentUser() a: AuthClaims, @Param('kind', kindPipe) kind: SetupKind, @Param('id', IdPipe) id: number, @body(UpdateAreaRequestSchema) b: UpdateAreaRequest): Promise<SetupNode> {
    return this.setup.update(a, kind, id, b);
  }

  @Post(':kind/:id/retire') @HttpCode(200) @Access.roles('street_admin', 'community_staff')
  retire(@CurrentUser() a: AuthClaims, @Param('kind', kindPipe) kind: SetupKind, @Param('id', IdPipe) id: number): Promise<SetupNode> {
    return this.setup.retire(a, kind, id);
  }

  @Post(':kind/:id/restore') @HttpCode(200) @Access.roles('street_admin', 'community_staff')
  restore(@CurrentUser() a: AuthClaims, @Param('kind', kindPipe) kind: SetupKind, @Param('id', IdPipe) id: number): Promise<SetupNode> {
    return this.setup.restore(a, kind, id);
  }
}
