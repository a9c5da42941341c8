import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { ConcernsController } from './concerns.controller';
import { ConcernsRepository } from './concerns.repository';
import { ConcernsService } from './concerns.service';
import { ConcernsJobs } from './concerns.jobs';

@Module({ imports: [OrgModule], controllers: [ConcernsController], providers: [ConcernsRepository, ConcernsService, ConcernsJobs] })
export class ConcernsModule {}
