import { Module } from '@nestjs/common';

/** Issue 11 slot — WeChat content security 内容安全: msgSecCheck for user text, mediaCheckAsync for photos. */
@Module({})
export class ContentSecurityModule {}
