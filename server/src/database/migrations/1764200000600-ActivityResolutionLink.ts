import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 决议 → 志愿活动: a team activity may carry out a 议事亭 resolution (`resolution_id`, nullable; the resolution is of the
 * activity's community, checked by the service). The index serves a resolution's activities, in start order.
 */
const TABLE = 'team_activities';
const INDEX = idx('IDX_team_activities_resolution', ['resolution_id', 'starts_at']);

export class ActivityResolutionLink1764200000600 implements MigrationInterface {
  name = 'ActivityResolutionLink1764200000600';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(TABLE, new TableColumn(col.int('resolution_id', true)));
    await q.createIndex(TABLE, new TableIndex(INDEX));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex(TABLE, INDEX.name!);
    await q.dropColumn(TABLE, 'resolution_id');
  }
}
