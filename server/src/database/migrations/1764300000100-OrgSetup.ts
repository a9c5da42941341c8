import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * Issue 10 — setup 组织架构: street staff create, rename, retire (停用) and restore the organisation in the product.
 *  - `retired_at` on communities, grids, buildings, units, departments, volunteer_teams: a retired row stays (concerns,
 *    records and the time bank keep pointing at it and still show its name); pickers leave it out.
 *  - `grids.households`: households the grid covers (seed 004: 300–500), null until someone sets it.
 *  - Unique names among siblings (also against retired siblings: restoring must never make two of a name):
 *    communities per street, grids and buildings per community, units per building, departments per street,
 *    community-level volunteer teams per (street, community). A street-level team has community_id null, which a
 *    unique key does not compare: the setup service checks those names while holding the street row's lock.
 */
const RETIRABLE = ['communities', 'grids', 'buildings', 'units', 'departments', 'volunteer_teams'] as const;

const UNIQUES: [string, ReturnType<typeof idx>][] = [
  ['communities', idx('UQ_communities_street_name', ['street_id', 'name'], true)],
  ['grids', idx('UQ_grids_community_name', ['community_id', 'name'], true)],
  ['buildings', idx('UQ_buildings_community_name', ['community_id', 'name'], true)],
  ['units', idx('UQ_units_building_name', ['building_id', 'name'], true)],
  ['departments', idx('UQ_departments_street_name', ['street_id', 'name'], true)],
  ['volunteer_teams', idx('UQ_volunteer_teams_community_name', ['street_id', 'community_id', 'name'], true)],
];

export class OrgSetup1764300000100 implements MigrationInterface {
  name = 'OrgSetup1764300000100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of RETIRABLE) await q.addColumn(table, new TableColumn(col.date('retired_at', true)));
    await q.addColumn('grids', new TableColumn(col.int('households', true)));
    for (const [table, index] of UNIQUES) await q.createIndex(table, new TableIndex(index));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of [...UNIQUES].reverse()) await q.dropIndex(table, index.name!);
    await q.dropColumn('grids', 'households');
    for (const table of [...RETIRABLE].reverse()) await q.dropColumn(table, 'retired_at');
  }
}
