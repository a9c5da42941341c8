import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 11 slot — re-encoded photos, thumbnails and refusal by content security. Filled by the photos work. */
export class PhotoDerivatives1764400000100 implements MigrationInterface {
  name = 'PhotoDerivatives1764400000100';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
