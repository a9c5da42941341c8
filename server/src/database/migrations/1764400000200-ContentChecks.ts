import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 11 slot — pending WeChat media checks (mediaCheckAsync trace ids). Filled by the content-security work. */
export class ContentChecks1764400000200 implements MigrationInterface {
  name = 'ContentChecks1764400000200';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
