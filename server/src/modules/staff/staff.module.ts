import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RedeemAttempts } from './redeem-attempts';
import { StaffController } from './staff.controller';
import { StaffInvitationsService } from './staff-invitations.service';
import { StaffRoleChanges } from './staff-role-changes';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

/** Issue 10 — staff invitations 人员邀请 and role changes (audit entries through the global AuditModule). */
@Module({
  imports: [NotificationsModule],
  controllers: [StaffController],
  providers: [StaffRepository, StaffRoleChanges, StaffInvitationsService, StaffService, RedeemAttempts],
})
export class StaffModule {}
