import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source.options';

/** `npm run migration:run|revert|show` against DATABASE_URL (after `npm run build:server`). */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const ds = await new DataSource(buildDataSourceOptions(config.database)).initialize();
  try {
    if (command === 'run') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      const pending = await ds.showMigrations();
      const done: { name: string }[] = await ds.query(`SELECT name FROM migrations ORDER BY id`).catch(() => []);
      for (const m of done) console.log(`[x] ${m.name}`);
      console.log(pending ? 'some migrations are pending' : 'up to date');
    } else {
      console.error('usage: cli.js run|revert|show');
      process.exitCode = 2;
    }
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
