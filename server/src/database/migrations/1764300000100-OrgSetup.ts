import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10 — filled in by its owner. */
export class OrgSetup1764300000100 implements MigrationInterface {
  name = 'OrgSetup1764300000100';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
