import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 11 slot — subscribe-message outbox 订阅消息 and consents. Filled by the WeChat messages work. */
export class WechatOutbox1764400000000 implements MigrationInterface {
  name = 'WechatOutbox1764400000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
