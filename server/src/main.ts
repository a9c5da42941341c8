import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nThe service did not start. See the configuration table in README.md.\n`);
      process.exit(2);
    }
    throw err;
  }
  const started = process.hrtime.bigint();
  // Loaded only after the config is valid: a bad value fails fast, before Nest and the drivers load.
  const { createApp } = await import('./app.factory.js');
  const app = await createApp(config);
  // Graceful shutdown: stop accepting, let in-flight requests finish, close the database, exit 0
  // (without useProcessExit Nest re-raises the signal and the process dies "killed by SIGTERM").
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting\n`);
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const bootMs = Number(process.hrtime.bigint() - started) / 1e6;
  const url = await app.getUrl();
  app.getHttpAdapter().getInstance().log.info({ bootMs: Math.round(bootMs), url, database: config.database.dialect }, `Linli listening on ${url}`);
}

void bootstrap().catch((err: unknown) => {
  process.stderr.write(`Linli failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
