import type { DataSource } from 'typeorm';
import { DIALECTS, freshMariaDbUrl, startTestApp, testConfig, type TestApp } from './support/test-app';
import { MIGRATIONS } from '../../server/src/database/entities';

/** The SQL TypeORM would run to make the database match the entities (what `migration:generate` would write). */
async function drift(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

async function executedMigrations(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name);
}

async function tables(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  try {
    const names = ds.entityMetadatas.map((m) => m.tableName);
    const present: string[] = [];
    for (const name of names) if (await runner.hasTable(name)) present.push(name);
    return present.sort();
  } finally {
    await runner.release();
  }
}

describe.each(DIALECTS)('schema: migrations and entities agree on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    // A database of this file's own (suffix), so it never shares one with another test file.
    const url = dialect === 'sqlite' ? 'sqlite::memory:' : await freshMariaDbUrl('_drift');
    t = await startTestApp(await testConfig('sqlite', { DATABASE_URL: url }));
  });
  afterAll(() => t.close());

  it('after the migrations have run, the entities need no schema change', async () => {
    expect(await executedMigrations(t.ds)).toEqual(MIGRATIONS.map((M) => new M().name));
    const queries = await drift(t.ds);
    if (queries.length) throw new Error(`entities and migrations disagree on ${dialect}; TypeORM would run:\n${queries.join(';\n')}`);
    expect(queries).toEqual([]);
  });

  it('every migration reverts down to nothing, and running them again gives the same schema', async () => {
    const all = t.ds.entityMetadatas.map((m) => m.tableName).sort();
    expect(await tables(t.ds)).toEqual(all);

    for (let i = 0; i < MIGRATIONS.length; i++) await t.ds.undoLastMigration({ transaction: 'each' });
    expect(await executedMigrations(t.ds)).toEqual([]);
    expect(await tables(t.ds)).toEqual([]);
    // The drift check sees an empty schema: it is not blind.
    expect((await drift(t.ds)).length).toBeGreaterThanOrEqual(all.length);

    const applied = await t.ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
    expect(await tables(t.ds)).toEqual(all);
    const queries = await drift(t.ds);
    if (queries.length) throw new Error(`after down and up again, entities and migrations disagree on ${dialect}:\n${queries.join(';\n')}`);
    expect(queries).toEqual([]);
  });
});
