import { Module } from '@nestjs/common';
import { DiaryController } from './diary.controller';
import { DiaryRepository } from './diary.repository';
import { DiaryService } from './diary.service';

/** 一日一记: GET /api/diary, GET /api/diary/staff, POST /api/diary/notes. Reads concern_events; owns diary_notes. */
@Module({
  controllers: [DiaryController],
  providers: [DiaryRepository, DiaryService],
})
export class DiaryModule {}
