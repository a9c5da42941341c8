import { Module } from '@nestjs/common';
import { WechatApiClient } from './wechat-api.client';

/** Issue 11 — WeChat subscribe messages 订阅消息 (outbox + worker) and content security 内容安全. */
@Module({
  providers: [WechatApiClient],
  exports: [WechatApiClient],
})
export class WechatModule {}
