import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { reportError, runCommand } from '../../cli/run.js';
import { applyRules } from './apply-rules.js';
import { corridorRulesJsonSchema } from './rules.schema.js';

/** Read and parse before the database is opened: a broken file should not cost a migration. */
async function readRulesFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('bad_request', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('validation_failed', `${file} is not valid JSON: ${(err as Error).message}`, [
      { pointer: '', message: `not valid JSON: ${(err as Error).message}` },
    ]);
  }
}

export function corridorCommands(program: Command): void {
  const corridors = program.command('corridors').description('Corridors and their rules');

  corridors
    .command('apply')
    .description('Create a corridor, or add a rules version to it, from a rules file agreed by both governments')
    .argument('<rules>', 'the rules file (JSON; see `corridor corridors schema`)')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      let input: unknown;
      try {
        input = await readRulesFile(file);
      } catch (err) {
        reportError(err, Boolean(options.json));
        return;
      }
      await runCommand(command, async ({ database, actor }) => {
        const applied = await applyRules(database.db, actor, input);
        return {
          json: { corridor: applied.corridor, version: applied.version },
          text: applied.created
            ? `Corridor ${applied.corridor}: version ${applied.version} added, approved by both sides (operator import)`
            : `Corridor ${applied.corridor}: these rules are already version ${applied.version}; nothing changed`,
        };
      });
    });

  corridors
    .command('schema')
    .description('Print the JSON Schema of a rules file')
    .option('--json', 'print it on one line')
    .action((options: { json?: boolean }) => {
      process.stdout.write(JSON.stringify(corridorRulesJsonSchema(), null, options.json ? undefined : 2) + '\n');
    });
}
