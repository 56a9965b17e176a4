import type { Command } from 'commander';
import { buildServer } from '../http/server.js';
import { ensureAdministrator } from '../modules/identity/bootstrap.js';
import { seedDemo } from '../demo/seed.js';
import { configFrom, openConfigured, reportError } from './run.js';

export function serveCommands(program: Command): void {
  program
    .command('start')
    .description('Serve the API, the web application and the public verification page')
    .option('--port <port>', 'TCP port', (v) => Number(v))
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for all)')
    .option('--demo', 'seed a demo corridor (NPL-ARE) with organisations, users and workers on first run')
    .action(async (options: { port?: number; host?: string; demo?: boolean }, command: Command) => {
      const config = configFrom(command);
      if (options.port !== undefined) config.port = options.port;
      if (options.host) config.host = options.host;
      try {
        const database = await openConfigured(config);
        const ctx = { database, config };
        const admin = await ensureAdministrator(database.db, config);
        const demo = options.demo ? await seedDemo(database, config) : undefined;
        const app = await buildServer(ctx);
        const shutdown = async () => {
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        const address = await app.listen({ port: config.port, host: config.host });
        const url = address.replace('127.0.0.1', 'localhost');
        const lines = [
          `Corridor is running at ${url}  (API docs: ${url}/docs, engine: ${database.engine}${database.engine === 'pglite' ? `, data: ${config.dataDir}` : ''})`,
        ];
        if (admin?.password)
          lines.push(`Administrator: ${admin.email}  one-time password: ${admin.password}  (shown once; change it at first sign-in)`);
        if (demo) {
          lines.push(`Demo corridor ${demo.corridor}; every demo login has the password ${demo.password}`);
          for (const login of demo.logins) lines.push(`  ${login.role.padEnd(28)} ${login.email}`);
        }
        process.stdout.write(lines.join('\n') + '\nPress Ctrl+C to stop.\n');
      } catch (err) {
        reportError(err, false, config);
      }
    });
}
