import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AddDiaryNoteRequestSchema, DiaryQuerySchema } from '../../../../contracts/diary.contract';
import type { AddDiaryNoteRequest, AddDiaryNoteResponse, DiaryQuery, DiaryResponse, DiaryStaffResponse } from '../../../../contracts/diary.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { ApiJsonBody, ApiQueryFrom } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { DiaryService } from './diary.service';

const STAFF = ['grid_worker', 'community_staff', 'street_admin', 'department'] as const;

/** 一日一记. Who may read whose diary is decided by the service (mayReadDiary); anyone else gets 404. */
@ApiTags('diary')
@Controller('api/diary')
export class DiaryController {
  constructor(private readonly diary: DiaryService) {}

  @Get()
  @Access.roles(...STAFF)
  @ApiQueryFrom(DiaryQuerySchema)
  day(@CurrentUser() auth: AuthClaims, @Query(new ZodValidationPipe(DiaryQuerySchema, '查询参数')) q: DiaryQuery): Promise<DiaryResponse> {
    return this.diary.day(auth, q);
  }

  @Get('staff')
  @Access.roles('community_staff', 'street_admin')
  staff(@CurrentUser() auth: AuthClaims): Promise<DiaryStaffResponse> {
    return this.diary.staff(auth);
  }

  @Post('notes')
  @Access.roles(...STAFF)
  @ApiJsonBody(AddDiaryNoteRequestSchema)
  addNote(@CurrentUser() auth: AuthClaims, @Body(new ZodValidationPipe(AddDiaryNoteRequestSchema)) body: AddDiaryNoteRequest): Promise<AddDiaryNoteResponse> {
    return this.diary.addNote(auth, body);
  }
}
