import { Module } from '@nestjs/common';

/** Issue 11 slot — WeChat subscribe messages 订阅消息 (outbox + worker) and content security 内容安全. */
@Module({})
export class WechatModule {}
