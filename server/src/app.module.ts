import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { EventsModule } from './common/events/events.module';
import { GlobalExceptionFilter } from './common/http/global-exception.filter';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseBootstrap } from './database/bootstrap.service';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConcernsModule } from './modules/concerns/concerns.module';
import { DeliberationModule } from './modules/deliberation/deliberation.module';
import { DiaryModule } from './modules/diary/diary.module';
import { FiguresModule } from './modules/figures/figures.module';
import { HealthController } from './modules/health/health.controller';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { Open311Module } from './modules/open311/open311.module';
import { OrgModule } from './modules/org/org.module';
import { PhotosModule } from './modules/photos/photos.module';
import { SchedulerModule } from './modules/scheduler/scheduler.module';
import { UsersModule } from './modules/users/users.module';
import { TimebankModule } from './modules/timebank/timebank.module';
import { VolunteersModule } from './modules/volunteers/volunteers.module';
import { AuditModule } from './modules/audit/audit.module';
import { SetupModule } from './modules/setup/setup.module';
import { StaffModule } from './modules/staff/staff.module';
import { RegistersModule } from './modules/registers/registers.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { WechatModule } from './modules/wechat/wechat.module';
import { ContentSecurityModule } from './modules/content-security/content-security.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        EventsModule,
        AuthCoreModule,
        IdempotencyModule,
        SchedulerModule,
        OrgModule,
        UsersModule,
        AuthModule.register(config),
        NotificationsModule,
        ConcernsModule,
        PhotosModule,
        DiaryModule,
        FiguresModule,
        Open311Module,
        DeliberationModule,
        TimebankModule,
        VolunteersModule,
        // issue 10: adoption by a street
        AuditModule,
        SetupModule,
        StaffModule,
        RegistersModule,
        PrivacyModule,
        // issue 11: reach residents in WeChat
        WechatModule,
        ContentSecurityModule,
      ],
      controllers: [HealthController],
      providers: [DatabaseBootstrap, { provide: APP_FILTER, useClass: GlobalExceptionFilter }],
    };
  }
}
