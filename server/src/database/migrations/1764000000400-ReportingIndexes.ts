import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { idx } from '../table-columns';

/** Indexes for the diary (a person's actions by day), the figures (an area's concerns by period) and Open311 (a street's public concerns). */
const INDICES: [table: string, index: ReturnType<typeof idx>][] = [
  ['concern_events', idx('IDX_concern_events_actor_created', ['actor_id', 'created_at'])],
  ['concerns', idx('IDX_concerns_grid_created', ['grid_id', 'created_at'])],
  ['concerns', idx('IDX_concerns_community_created', ['community_id', 'created_at'])],
  ['concerns', idx('IDX_concerns_street_created', ['street_id', 'created_at'])],
  ['concerns', idx('IDX_concerns_street_public', ['street_id', 'is_public', 'created_at'])],
];

export class ReportingIndexes1764000000400 implements MigrationInterface {
  name = 'ReportingIndexes1764000000400';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, i] of INDICES) await q.createIndex(table, new TableIndex(i));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, i] of [...INDICES].reverse()) await q.dropIndex(table, i.name!);
  }
}
