import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../table-columns';

/**
 * Issue 11 — photos are decoded and re-encoded on upload (only real, size-bounded pictures are stored), with a
 * thumbnail for lists (`thumb_key`, null for photos stored before this migration) and their pixel size. `refused_at`
 * is set when WeChat content security 内容安全 finds a photo risky: it is then shown to nobody and its files are removed.
 */
const COLUMNS = [col.str('thumb_key', 80, true), col.int('width', true), col.int('height', true), col.date('refused_at', true)];

export class PhotoDerivatives1764400000100 implements MigrationInterface {
  name = 'PhotoDerivatives1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('concern_photos', COLUMNS.map((c) => new TableColumn(c)));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of [...COLUMNS].reverse()) await q.dropColumn('concern_photos', c.name);
  }
}
