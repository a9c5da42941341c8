import { ConcernCategoryEntity, ConcernEntity, ConcernEventEntity, ConcernSupporterEntity } from '../modules/concerns/concern.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { BuildingEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity, UnitEntity } from '../modules/org/org.entities';
import { JobRunEntity } from '../modules/scheduler/job-run.entity';
import { UserEntity } from '../modules/users/user.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { Foundation1763900000000 } from './migrations/1763900000000-Foundation';
import { ConcernLifecycle1764000000000 } from './migrations/1764000000000-ConcernLifecycle';
import { ConcernPhotoEntity } from '../modules/photos/concern-photo.entity';
import { ConcernPhotos1764000000100 } from './migrations/1764000000100-ConcernPhotos';

export const ENTITIES = [
  StreetEntity, CommunityEntity, GridEntity, BuildingEntity, UnitEntity, DepartmentEntity,
  UserEntity, ConcernEntity, ConcernEventEntity, ConcernCategoryEntity, ConcernSupporterEntity, NotificationEntity, IdempotencyKeyEntity, JobRunEntity,
  ConcernPhotoEntity,
];

/** Every migration, in order. A committed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1763900000000, ConcernLifecycle1764000000000, ConcernPhotos1764000000100];
