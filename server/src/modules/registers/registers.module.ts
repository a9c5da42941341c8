import { Module } from '@nestjs/common';
import { AreaLeadersService } from './area-leaders.service';
import { HouseholdMembersRepository } from './household-members.repository';
import { RegisterImportService } from './register-import.service';
import { RegistersController } from './registers.controller';
import { RegistersRepository } from './registers.repository';
import { RegistersService } from './registers.service';

/** Registers 台账 (issue 10): households per unit with their 家庭成员 (import/export .xlsx, read, edit) and 网格长/楼栋长 (AuditModule is global). */
@Module({
  controllers: [RegistersController],
  providers: [RegistersRepository, HouseholdMembersRepository, RegistersService, RegisterImportService, AreaLeadersService],
})
export class RegistersModule {}
