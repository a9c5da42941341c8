import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AttendeeRequestSchema, CreateActivityRequestSchema } from '../../../../contracts/timebank.contract';
import type { ActivityItem, Attendee, AttendeeRequest, CreateActivityRequest, CreditActivityResponse } from '../../../../contracts/timebank.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody } from '../../common/http/openapi';
import { IdPipe, ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { TeamActivitiesService } from './team-activities.service';

const body = <T>(schema: import('zod').ZodType<T>) => Body(new ZodValidationPipe(schema));

/** 团队活动: create, sign up, check in/out, credit the hours of everyone checked in. */
@ApiTags('timebank')
@Controller('api/timebank/activities')
export class TeamActivitiesController {
  constructor(private readonly activities: TeamActivitiesService) {}

  @Get() @Access.roles('resident', 'community_staff')
  list(@CurrentUser() a: AuthClaims): Promise<ActivityItem[]> {
    return this.activities.list(a.sub);
  }

  @Post() @Access.roles('resident', 'community_staff') @ApiJsonBody(CreateActivityRequestSchema)
  create(@CurrentUser() a: AuthClaims, @body(CreateActivityRequestSchema) b: CreateActivityRequest): Promise<ActivityItem> {
    return this.activities.create(a.sub, b);
  }

  @Get(':id') @Access.roles('resident', 'community_staff')
  get(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<ActivityItem> {
    return this.activities.get(a.sub, id);
  }

  @Post(':id/sign-up') @Access.roles('resident')
  signUp(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<ActivityItem> {
    return this.activities.signUp(a.sub, id);
  }

  @Post(':id/withdraw') @HttpCode(200) @Access.roles('resident')
  withdraw(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<ActivityItem> {
    return this.activities.withdraw(a.sub, id);
  }

  @Get(':id/attendees') @Access.roles('resident', 'community_staff')
  attendees(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<Attendee[]> {
    return this.activities.attendees(a.sub, id);
  }

  @Post(':id/check-in') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(AttendeeRequestSchema)
  checkIn(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(AttendeeRequestSchema) b: AttendeeRequest): Promise<Attendee> {
    return this.activities.mark(a.sub, id, b.userId, 'in');
  }

  @Post(':id/check-out') @HttpCode(200) @Access.roles('community_staff') @ApiJsonBody(AttendeeRequestSchema)
  checkOut(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number, @body(AttendeeRequestSchema) b: AttendeeRequest): Promise<Attendee> {
    return this.activities.mark(a.sub, id, b.userId, 'out');
  }

  @Post(':id/credit') @HttpCode(200) @Access.roles('community_staff')
  credit(@CurrentUser() a: AuthClaims, @Param('id', IdPipe) id: number): Promise<CreditActivityResponse> {
    return this.activities.credit(a.sub, id);
  }
}
