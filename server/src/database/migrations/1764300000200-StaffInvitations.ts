import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10 — filled in by its owner. */
export class StaffInvitations1764300000200 implements MigrationInterface {
  name = 'StaffInvitations1764300000200';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
