import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VolunteerFiguresQuerySchema, type VolunteerFigures, type VolunteerFiguresQuery } from '../../../../contracts/volunteer-figures.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiQueryFrom } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { VolunteerFiguresService } from './volunteer-figures.service';

/** 小红帽 统计: help requests, volunteers and hours of a community or a street. An area outside the caller's scope answers 404 AREA_NOT_FOUND. */
@ApiTags('volunteers')
@Controller('api/volunteers')
export class VolunteerFiguresController {
  constructor(private readonly figuresService: VolunteerFiguresService) {}

  @Get('figures') @Access.roles('community_staff', 'street_admin') @ApiQueryFrom(VolunteerFiguresQuerySchema)
  figures(@CurrentUser() a: AuthClaims, @Query(new ZodValidationPipe(VolunteerFiguresQuerySchema, '查询参数')) q: VolunteerFiguresQuery): Promise<VolunteerFigures> {
    return this.figuresService.figures(a, q);
  }
}
