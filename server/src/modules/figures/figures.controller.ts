import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FiguresQuerySchema, type ConcernFigures, type FiguresQuery } from '../../../../contracts/figures.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiQueryFrom } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { FiguresService } from './figures.service';

/** 统计. An area outside the caller's scope answers 404 AREA_NOT_FOUND. */
@ApiTags('figures')
@Controller('api/figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  @Get('concerns')
  @Access.roles('grid_worker', 'community_staff', 'street_admin')
  @ApiQueryFrom(FiguresQuerySchema)
  concerns(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(FiguresQuerySchema, '查询参数')) q: FiguresQuery): Promise<ConcernFigures> {
    return this.figures.concerns(auth, q);
  }
}
