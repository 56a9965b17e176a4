import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { type Actor, CLI_ACTOR } from '../core/auth/actor.js';
import { type Config, loadConfig } from '../core/config.js';
import { type Database, openDatabase } from '../core/db/database.js';
import { AppError } from '../core/errors.js';

export interface CliContext {
  config: Config;
  database: Database;
  actor: Actor;
  json: boolean;
}

export interface GlobalOptions {
  data?: string;
}

/** What a command hands back: the JSON document for --json, and the line(s) for a person. */
export interface CommandResult {
  json: unknown;
  text?: string;
  /** 1 when the input was refused but the command still reports (e.g. a rejected file). */
  exitCode?: number;
}

export function configFrom(command: Command): Config {
  const global = command.optsWithGlobals() as GlobalOptions;
  return loadConfig({ dataDir: global.data ? resolve(global.data) : undefined });
}

export function openConfigured(config: Config): Promise<Database> {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
}

/**
 * Runs one command on the configured database: opens (and migrates) it, runs, closes,
 * prints exactly one JSON document with --json, and sets the exit status of CLI.md
 * (0 done, 1 refused, 2 usage, 3 internal).
 */
export async function runCommand(command: Command, fn: (ctx: CliContext) => Promise<CommandResult>): Promise<void> {
  const json = Boolean((command.opts() as { json?: boolean }).json);
  const config = configFrom(command);
  let database: Database | undefined;
  try {
    database = await openConfigured(config);
    const result = await fn({ config, database, actor: CLI_ACTOR, json });
    print(json ? JSON.stringify(result.json) : (result.text ?? JSON.stringify(result.json, null, 2)));
    process.exitCode = result.exitCode ?? 0;
  } catch (err) {
    reportError(err, json, config);
  } finally {
    await database?.close().catch(() => undefined);
  }
}

export function reportError(err: unknown, json: boolean, config?: Config): void {
  if (err instanceof AppError) {
    if (json) print(JSON.stringify({ error: { code: err.code, message: err.message, errors: err.problems, ...err.extra } }));
    process.stderr.write(`corridor: ${err.message}\n`);
    for (const p of err.problems) process.stderr.write(`  ${describeProblem(p)}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  const id = randomUUID();
  logInternal(id, err, config);
  if (json) print(JSON.stringify({ error: { code: 'internal', message: `internal error ${id}`, error_id: id } }));
  process.stderr.write(`corridor: internal error (id ${id}); details are in the error log\n`);
  process.exitCode = 3;
}

function describeProblem(p: AppError['problems'][number]): string {
  const where = [p.line !== undefined ? `line ${p.line}` : '', p.field ?? '', p.pointer ?? ''].filter(Boolean).join(' ');
  return `${where ? where + ': ' : ''}${p.message}${p.expected ? ` (expected ${p.expected})` : ''}`;
}

function logInternal(id: string, err: unknown, config?: Config): void {
  const dir = config && !config.databaseUrl ? config.dataDir : tmpdir();
  try {
    mkdirSync(dir, { recursive: true });
    const detail = err instanceof Error ? err.stack : String(err);
    appendFileSync(join(dir, 'corridor-errors.log'), `${new Date().toISOString()} ${id} ${detail}\n`);
  } catch {
    // The error log is a courtesy; the id on stderr is what matters.
  }
}

function print(line: string): void {
  process.stdout.write(line + '\n');
}
