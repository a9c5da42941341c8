import { Module } from '@nestjs/common';
import { DeliberationModule } from '../deliberation/deliberation.module';
import { OrgModule } from '../org/org.module';
import { VolunteersModule } from '../volunteers/volunteers.module';
import { AccountDeletionService } from './account-deletion.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyDataService } from './privacy-data.service';
import { PrivacyRepository } from './privacy.repository';

/**
 * Issue 10 — personal data (PIPL): GET /api/me/data, GET /api/me/data/export, DELETE /api/me. Staff reads of residents'
 * data are written to the audit log by the modules that serve them (AuditService.recordPersonalDataReads).
 */
@Module({
  imports: [OrgModule, DeliberationModule, VolunteersModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyDataService, AccountDeletionService],
})
export class PrivacyModule {}
