import { Module } from '@nestjs/common';
import { OrgChangeService } from './org-change.service';
import { OrgSetupService } from './org-setup.service';
import { SetupTreeService } from './setup-tree.service';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/**
 * Issue 10 — setup 组织架构: street staff create, rename, retire and restore their organisation. OrgSetupService is the
 * one path for creating it (HTTP, demo seeder, admin:create); exported for the seeder.
 */
@Module({
  controllers: [SetupController],
  providers: [OrgSetupService, OrgChangeService, SetupTreeService, SetupService],
  exports: [OrgSetupService],
})
export class SetupModule {}
