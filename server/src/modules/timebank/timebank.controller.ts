import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page } from '../../../../contracts/common.contract';
import { XLSX_MIME } from '../../../../contracts/files.constants';
import { PageQuerySchema, type PageQuery } from '../../../../contracts/common.contract';
import {
  CreateRewardRequestSchema, ExportQuerySchema, LedgerQuerySchema, ReverseRequestSchema, UpdateRewardRequestSchema, UpdateTimebankSettingsRequestSchema,
} from '../../../../contracts/timebank.contract';
import type {
  CreateRewardRequest, ExportQuery, LedgerLine, LedgerQuery, MyTimebank, RedeemResponse, ReverseRequest, ReverseResponse, RewardItem,
  TimebankSettings, UpdateRewardRequest, UpdateTimebankSettingsRequest,
} from '../../../../contracts/timebank.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { TimebankQueryService } from './timebank-query.service';
import { TimebankRewardsService } from './timebank-rewards.service';
import { TimebankStaffService } from './timebank-staff.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));
const query = <T>(schema: import('zod').ZodType<T>) => Query(new ZodValidationPipe(schema, '查询参数'));

/** 红色银行: my hours, history and rank; settings, ledger, reversals, export; rewards and redemption. */
@ApiTags('timebank')
@Controller('api/timebank')
export class TimebankController {
  constructor(private readonly q: TimebankQueryService, private readonly staff: TimebankStaffService, private readonly rewards: TimebankRewardsService) {}

  @Get('me') @Access.roles('resident')
  me(@CurrentUser() a: AuthClaims): Promise<MyTimebank> {
    return this.q.me(a.sub);
  }

  @Get('me/history') @Access.roles('resident')
  history(@CurrentUser() a: AuthClaims, @query(PageQuerySchema) p: PageQuery): Promise<Page<LedgerLine>> {
    return this.q.myHistory(a.sub, p);
  }

  @Get('settings') @Access.roles('community_staff')
  settings(@CurrentUser() a: AuthClaims): Promise<TimebankSettings> {
    return this.q.settings(a.sub);
  }

  @Put('settings') @Access.roles('community_staff') @ApiJsonBody(UpdateTimebankSettingsRequestSchema)
  updateSettings(@CurrentUser() a: AuthClaims, @body(UpdateTimebankSettingsRequestSchema) b: UpdateTimebankSettingsRequest): Promise<TimebankSettings> {
    return this.q.updateSettings(a.sub, b);
  }

  @Get('ledger') @Access.roles('community_staff')
  ledger(@CurrentUser() a: AuthClaims, @query(LedgerQuerySchema) p: LedgerQuery): Promise<Page<LedgerLine>> {
    return this.q.ledger(a.sub, p);
  }

  @Post('transactions/:id/reverse') @Access.roles('community_staff') @ApiJsonBody(ReverseRequestSchema)
  reverse(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(ReverseRequestSchema) b: ReverseRequest): Promise<ReverseResponse> {
    return this.staff.reverse(a.sub, id, b.reason);
  }

  @Get('export') @Access.roles('street_admin', 'community_staff')
  async export(@CurrentUser() a: AuthClaims, @query(ExportQuerySchema) p: ExportQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.staff.exportRecords(a.sub, p);
    void reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Get('rewards') @Access.roles('resident', 'community_staff')
  listRewards(@CurrentUser() a: AuthClaims): Promise<RewardItem[]> {
    return this.rewards.list(a.sub);
  }

  @Post('rewards') @Access.roles('community_staff') @ApiJsonBody(CreateRewardRequestSchema)
  createReward(@CurrentUser() a: AuthClaims, @body(CreateRewardRequestSchema) b: CreateRewardRequest): Promise<RewardItem> {
    return this.rewards.create(a.sub, b);
  }

  @Patch('rewards/:id') @Access.roles('community_staff') @ApiJsonBody(UpdateRewardRequestSchema)
  updateReward(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(UpdateRewardRequestSchema) b: UpdateRewardRequest): Promise<RewardItem> {
    return this.rewards.update(a.sub, id, b);
  }

  @Post('rewards/:id/redeem') @HttpCode(201) @Access.roles('resident')
  redeem(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<RedeemResponse> {
    return this.rewards.redeem(a.sub, id);
  }
}
