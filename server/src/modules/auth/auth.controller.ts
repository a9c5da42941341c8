import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DevLoginRequestSchema, DevNewUserRequestSchema, WechatLoginRequestSchema } from '../../../../contracts/auth.contract';
import type { AuthOptionsResponse, DemoUsersResponse, DevLoginRequest, DevNewUserRequest, LoginResponse, WechatLoginRequest } from '../../../../contracts/auth.contract';
import { Access } from '../../common/auth/access.decorator';
import { ApiJsonBody } from '../../common/http/openapi';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('options')
  @Access.public()
  options(): AuthOptionsResponse {
    return this.auth.options();
  }

  @Post('wechat')
  @HttpCode(200)
  @Access.public()
  @ApiJsonBody(WechatLoginRequestSchema)
  wechat(@Body(new ZodValidationPipe(WechatLoginRequestSchema)) body: WechatLoginRequest): Promise<LoginResponse> {
    return this.auth.loginWithWechat(body.code);
  }
}

/** Registered only when dev login is enabled (no WeChat AppID, not production): otherwise these routes do not exist. */
@ApiTags('auth')
@Controller('api/auth')
export class DevLoginController {
  constructor(private readonly auth: AuthService) {}

  @Get('demo-users')
  @Access.public()
  demoUsers(): Promise<DemoUsersResponse> {
    return this.auth.demoUsers();
  }

  @Post('dev-login')
  @HttpCode(200)
  @Access.public()
  @ApiJsonBody(DevLoginRequestSchema)
  devLogin(@Body(new ZodValidationPipe(DevLoginRequestSchema)) body: DevLoginRequest): Promise<LoginResponse> {
    return this.auth.devLogin(body.userId);
  }

  /** 以新用户身份登录（演示）: a fresh resident, so invitations can be tried without WeChat. */
  @Post('dev-new-user')
  @HttpCode(200)
  @Access.public()
  @ApiJsonBody(DevNewUserRequestSchema)
  devNewUser(@Body(new ZodValidationPipe(DevNewUserRequestSchema)) body: DevNewUserRequest): Promise<LoginResponse> {
    return this.auth.devNewUser(body.name);
  }
}
