import { Module } from '@nestjs/common';
import { PHOTO_ACCESS } from '../photos/photo-access';
import { PhotosModule } from '../photos/photos.module';
import { ConcernAccess } from './concern-access';
import { ConcernActionsController } from './concern-actions.controller';
import { ConcernActionsService } from './concern-actions.service';
import { ConcernCategoriesService } from './concern-categories.service';
import { ConcernsController } from './concerns.controller';
import { ConcernsJobs } from './concerns.jobs';
import { ConcernsQueryService } from './concerns-query.service';
import { ConcernsRepository } from './concerns.repository';
import { ConcernsService } from './concerns.service';

@Module({
  imports: [PhotosModule],
  controllers: [ConcernsController, ConcernActionsController],
  providers: [ConcernsRepository, ConcernAccess, ConcernCategoriesService, ConcernsQueryService, ConcernActionsService, ConcernsService, ConcernsJobs,
    { provide: PHOTO_ACCESS, useExisting: ConcernAccess },
  ],
  exports: [ConcernAccess, ConcernsRepository],
})
export class ConcernsModule {}
