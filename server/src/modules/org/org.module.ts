import { Module } from '@nestjs/common';
import { OrgController } from './org.controller';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';
import { DemoSeeder } from './demo.seeder';
import { SetupModule } from '../setup/setup.module';

@Module({ imports: [SetupModule], controllers: [OrgController], providers: [OrgRepository, OrgService, DemoSeeder], exports: [OrgRepository, DemoSeeder] })
export class OrgModule {}
