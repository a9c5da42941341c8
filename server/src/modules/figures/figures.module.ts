import { Module } from '@nestjs/common';
import { FiguresController } from './figures.controller';
import { FiguresRepository } from './figures.repository';
import { FiguresService } from './figures.service';

/** 统计: GET /api/figures/concerns. Reads the concerns tables; owns none. */
@Module({
  controllers: [FiguresController],
  providers: [FiguresRepository, FiguresService],
})
export class FiguresModule {}
