import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10 — filled in by its owner. */
export class Registers1764300000300 implements MigrationInterface {
  name = 'Registers1764300000300';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
