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
import { DiaryNoteEntity } from '../modules/diary/diary-note.entity';
import { DiaryNotes1764000000200 } from './migrations/1764000000200-DiaryNotes';
import { Open311ApiKeyEntity } from '../modules/open311/open311-api-key.entity';
import { Open311Keys1764000000300 } from './migrations/1764000000300-Open311Keys';

import { ReportingIndexes1764000000400 } from './migrations/1764000000400-ReportingIndexes';
import { DELIBERATION_ENTITIES } from '../modules/deliberation/deliberation.entities';
import { Deliberation1764100000000 } from './migrations/1764100000000-Deliberation';
import { DELIBERATION_TOPIC_ENTITIES } from '../modules/deliberation/deliberation-topics.entities';
import { DeliberationTopics1764100000100 } from './migrations/1764100000100-DeliberationTopics';
import { DELIBERATION_VOTE_ENTITIES } from '../modules/deliberation/deliberation-votes.entities';
import { DeliberationVotes1764100000200 } from './migrations/1764100000200-DeliberationVotes';
import { DELIBERATION_OUTCOME_ENTITIES } from '../modules/deliberation/deliberation-outcomes.entities';
import { DeliberationOutcomes1764100000300 } from './migrations/1764100000300-DeliberationOutcomes';
import { DeliberationWaitlistCount1764100000400 } from './migrations/1764100000400-DeliberationWaitlistCount';
import { VOLUNTEER_ENTITIES } from '../modules/volunteers/volunteers.entities';
import { Volunteers1764200000000 } from './migrations/1764200000000-Volunteers';
import { TIMEBANK_ENTITIES } from '../modules/timebank/timebank.entities';
import { Timebank1764200000100 } from './migrations/1764200000100-Timebank';
import { VolunteerEventEntity } from '../modules/volunteers/volunteer-event.entity';
import { VolunteerEvents1764200000500 } from './migrations/1764200000500-VolunteerEvents';
import { ActivityResolutionLink1764200000600 } from './migrations/1764200000600-ActivityResolutionLink';
// issue 10: adoption by a street (audit log, setup, staff invitations, registers)
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { AuditLog1764300000000 } from './migrations/1764300000000-AuditLog';
import { OrgSetup1764300000100 } from './migrations/1764300000100-OrgSetup';
import { STAFF_ENTITIES } from '../modules/staff/staff.entities';
import { StaffInvitations1764300000200 } from './migrations/1764300000200-StaffInvitations';
import { REGISTER_ENTITIES } from '../modules/registers/registers.entities';
import { Registers1764300000300 } from './migrations/1764300000300-Registers';
import { WECHAT_MESSAGE_ENTITIES } from '../modules/wechat/wechat.entities';
import { WechatOutbox1764400000000 } from './migrations/1764400000000-WechatOutbox';
import { PhotoDerivatives1764400000100 } from './migrations/1764400000100-PhotoDerivatives';
import { CONTENT_CHECK_ENTITIES } from '../modules/content-security/content-security.entities';
import { ContentChecks1764400000200 } from './migrations/1764400000200-ContentChecks';

export const ENTITIES = [
  StreetEntity, CommunityEntity, GridEntity, BuildingEntity, UnitEntity, DepartmentEntity,
  UserEntity, ConcernEntity, ConcernEventEntity, ConcernCategoryEntity, ConcernSupporterEntity, NotificationEntity, IdempotencyKeyEntity, JobRunEntity,
  ConcernPhotoEntity,
  DiaryNoteEntity,
  Open311ApiKeyEntity,
  ...DELIBERATION_ENTITIES,
  ...DELIBERATION_TOPIC_ENTITIES,
  ...DELIBERATION_VOTE_ENTITIES,
  ...DELIBERATION_OUTCOME_ENTITIES,
  ...VOLUNTEER_ENTITIES,
  ...TIMEBANK_ENTITIES,
  VolunteerEventEntity,
  AuditLogEntity,
  ...STAFF_ENTITIES,
  ...REGISTER_ENTITIES,
  ...WECHAT_MESSAGE_ENTITIES,
  ...CONTENT_CHECK_ENTITIES,
];

/** Every migration, in order. A committed migration is never edited; add a new one. */
export const MIGRATIONS = [Foundation1763900000000, ConcernLifecycle1764000000000, ConcernPhotos1764000000100, DiaryNotes1764000000200, Open311Keys1764000000300, ReportingIndexes1764000000400, Deliberation1764100000000, DeliberationTopics1764100000100, DeliberationVotes1764100000200, DeliberationOutcomes1764100000300, DeliberationWaitlistCount1764100000400, Volunteers1764200000000, Timebank1764200000100, VolunteerEvents1764200000500, ActivityResolutionLink1764200000600,
  AuditLog1764300000000, OrgSetup1764300000100, StaffInvitations1764300000200, Registers1764300000300,
  WechatOutbox1764400000000, PhotoDerivatives1764400000100, ContentChecks1764400000200,
];
