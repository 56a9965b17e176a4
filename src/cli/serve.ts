import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { Config } from '../core/config.js';
import { openDatabase } from '../core/db/database.js';
import { AppError } from '../core/errors.js';
import { buildServer } from '../http/server.js';
import { serveRateLimits } from '../http/shared-rate-limit.js';
import { ensureAdministrator } from '../modules/identity/bootstrap.js';
import { seedDemo } from '../demo/seed.js';
import { configFrom, openConfigured, reportError } from './run.js';

interface StartOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  workers?: number;
}

export function serveCommands(program: Command): void {
  program
    .command('start')
    .description('Serve the API, the web application and the public verification page')
    .option('--port <port>', 'TCP port', (v) => Number(v))
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for all)')
    .option('--demo', 'seed a demo corridor (NPL-ARE) with organisations, users and workers on first run')
    .option(
      '--workers <n>',
      'server processes sharing the port (PostgreSQL only; default: one per core there, 1 on the embedded database)',
      (v) => Number(v),
    )
    .action(async (options: StartOptions, command: Command) => {
      const config = configFrom(command);
      if (options.port !== undefined) config.port = options.port;
      if (options.host) config.host = options.host;
      // A worker process (decision 0011) runs this same command line: it serves, nothing else.
      if (cluster.isWorker) return serveWorker(config);
      try {
        if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1 || options.workers > 64))
          throw new AppError('bad_request', '--workers must be a whole number from 1 to 64');
        if (!config.databaseUrl && (options.workers ?? 1) > 1)
          throw new AppError('bad_request', 'The embedded database is one process: --workers needs a PostgreSQL server (DATABASE_URL)');
        const database = await openConfigured(config);
        const workers = options.workers ?? (database.engine === 'postgres' ? availableParallelism() : 1);
        const admin = await ensureAdministrator(database.db, config);
        const demo = options.demo ? await seedDemo(database, config) : undefined;
        let url: string;
        if (workers === 1) {
          url = await serveInProcess(config, database);
        } else {
          // The primary only starts, watches and stops the workers (and keeps the shared rate-limit counts).
          await database.close();
          url = await startWorkers(workers);
        }
        const lines = [
          `Corridor is running at ${url}  (API docs: ${url}/docs, engine: ${database.engine}${database.engine === 'pglite' ? `, data: ${config.dataDir}` : ''}${workers > 1 ? `, ${workers} worker processes` : ''})`,
        ];
        if (admin?.password)
          lines.push(`Administrator: ${admin.email}  one-time password: ${admin.password}  (shown once; change it at first sign-in)`);
        if (demo) {
          lines.push(`Demo corridor ${demo.corridor}; every demo login has the password ${demo.password}`);
          for (const login of demo.logins) lines.push(`  ${login.role.padEnd(28)} ${login.email}`);
          lines.push('Follow one worker from job order to the third wage month (docs/guide.md):');
          for (const j of demo.journey) lines.push(`  ${j.email.padEnd(26)} ${`${url}${j.page}`.padEnd(40)} ${j.step}`);
        }
        process.stdout.write(lines.join('\n') + '\nPress Ctrl+C to stop.\n');
      } catch (err) {
        reportError(err, false, config);
        if (cluster.isPrimary) for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      }
    });
}

const localUrl = (address: string) => address.replace('127.0.0.1', 'localhost');

async function serveInProcess(config: Config, database: Awaited<ReturnType<typeof openConfigured>>): Promise<string> {
  const app = await buildServer({ database, config });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A worker whose primary went away (killed outright) stops too.
  if (cluster.isWorker) process.once('disconnect', shutdown);
  return localUrl(await app.listen({ port: config.port, host: config.host }));
}

/** A worker process: the primary migrated the database already. */
async function serveWorker(config: Config): Promise<void> {
  try {
    const database = await openDatabase({ url: config.databaseUrl!, migrate: false });
    await serveInProcess(config, database);
  } catch (err) {
    reportError(err, false, config);
    process.exit(process.exitCode ?? 3);
  }
}

/**
 * Forks `count` workers that share the listening port (node:cluster hands each accepted
 * connection to one of them). A worker that dies is replaced; SIGINT/SIGTERM stops them all.
 */
async function startWorkers(count: number): Promise<string> {
  let stopping = false;
  const stores = new Map();
  const fork = () => {
    const worker = cluster.fork();
    serveRateLimits(worker, stores);
    return worker;
  };
  const listening = (worker: Worker) =>
    new Promise<string>((resolve, reject) => {
      worker.once('listening', (address) => resolve(`http://${address.address ?? '127.0.0.1'}:${address.port}`));
      worker.once('exit', (code) => reject(new AppError('internal', `A server worker stopped while starting (exit code ${code})`)));
    });
  const started = Array.from({ length: count }, fork);
  const addresses = await Promise.all(started.map(listening));

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`corridor: server worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another\n`);
    fork();
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker.kill('SIGTERM');
    // Whatever happens, do not outlive the workers by long.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return localUrl(addresses[0]!);
}
