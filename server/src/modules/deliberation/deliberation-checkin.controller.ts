import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CheckInRequestSchema, ProxyCandidatesQuerySchema, ProxyRegistrationRequestSchema,
} from '../../../../contracts/deliberation-votes.contract';
import type {
  AttendanceResponse, CheckInRequest, CheckInResponse, ProxyCandidatesQuery, ProxyCandidatesResponse, ProxyRegistrationRequest, ProxyRegistrationResponse,
} from '../../../../contracts/deliberation-votes.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DeliberationCheckinProxyService } from './deliberation-checkin-proxy.service';
import { DeliberationCheckinService } from './deliberation-checkin.service';

const STAFF = ['community_staff', 'grid_worker'] as const;

/** 议事亭 check-in at the pavilion, the attendance list and 代办 registration by grid workers. */
@ApiTags('deliberation')
@Controller('api/deliberation/sessions/:id')
export class DeliberationCheckinController {
  constructor(private readonly checkin: DeliberationCheckinService, private readonly proxy: DeliberationCheckinProxyService) {}

  @Post('check-in') @HttpCode(200) @Access.roles(...STAFF) @ApiJsonBody(CheckInRequestSchema)
  checkIn(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(CheckInRequestSchema)) b: CheckInRequest): Promise<CheckInResponse> {
    return this.checkin.checkIn(a, id, b);
  }

  @Get('attendance') @Access.roles(...STAFF)
  attendance(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<AttendanceResponse> {
    return this.checkin.attendance(a, id);
  }

  @Get('proxy-candidates') @Access.roles(...STAFF) @ApiQueryFrom(ProxyCandidatesQuerySchema)
  candidates(
    @CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Query(new ZodValidationPipe(ProxyCandidatesQuerySchema, '查询参数')) q: ProxyCandidatesQuery,
  ): Promise<ProxyCandidatesResponse> {
    return this.proxy.candidates(a, id, q);
  }

  @Post('proxy-registrations') @Access.roles(...STAFF) @ApiJsonBody(ProxyRegistrationRequestSchema)
  register(
    @CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @Body(new ZodValidationPipe(ProxyRegistrationRequestSchema)) b: ProxyRegistrationRequest,
  ): Promise<ProxyRegistrationResponse> {
    return this.proxy.register(a, id, b);
  }
}
