import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController, DevLoginController } from './auth.controller';
import { AuthService } from './auth.service';
import { WechatClient } from './wechat.client';

@Module({})
export class AuthModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [UsersModule],
      controllers: config.auth.devLogin ? [AuthController, DevLoginController] : [AuthController],
      providers: [AuthService, WechatClient],
    };
  }
}
