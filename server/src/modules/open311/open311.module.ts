import { Module } from '@nestjs/common';
import { ConcernsModule } from '../concerns/concerns.module';
import { Open311Controller } from './open311.controller';
import { Open311KeysController } from './open311-keys.controller';
import { Open311KeysService } from './open311-keys.service';
import { Open311QueryService } from './open311-query.service';
import { Open311Repository } from './open311.repository';
import { Open311SubmitService } from './open311-submit.service';

/**
 * Open311 GeoReport v2 for public concerns (/open311/v2/*) and the street's API keys
 * (/api/open311/keys). Concerns are inserted through the concerns module's repository, so they take
 * the same SQL and routing as a resident's.
 */
@Module({
  imports: [ConcernsModule],
  controllers: [Open311Controller, Open311KeysController],
  providers: [Open311Repository, Open311KeysService, Open311QueryService, Open311SubmitService],
})
export class Open311Module {}
