import type { Command } from 'commander';
import { runCommand } from '../../cli/run.js';
import { importContracts } from './import/import-contracts.js';
import { fileProgress } from '../../cli/file-progress.js';
import type { ImportResult } from './import/import-result.js';

function describeImport(result: ImportResult): string {
  if (result.already_imported_at) return `This file was already imported on ${result.already_imported_at}; nothing changed`;
  if (result.error_count === 0) return `Imported ${result.imported} contracts (registered, source legacy_import)`;
  const lines = result.errors.map((e) => `  line ${e.line} ${e.column}: ${e.message}`);
  const more = result.error_count > result.errors.length ? [`  ... ${result.error_count - result.errors.length} more`] : [];
  return [`Refused: ${result.error_count} problem(s); nothing was imported`, ...lines, ...more].join('\n');
}

export function contractCommands(program: Command): void {
  const contracts = program.command('contracts').description('Employment contracts');

  contracts
    .command('import')
    .description("Bring a legacy register of contracts into the registry, each checked against the corridor's rules")
    .argument('<file>', 'CSV with a header row (columns: see CLI.md)')
    .requiredOption('--corridor <code>', 'the corridor, e.g. NPL-ARE')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { corridor: string; json?: boolean }, command: Command) =>
      runCommand(command, async ({ database, config, actor }) => {
        const progress = fileProgress();
        try {
          const result = await importContracts(database, config, actor, { file, corridor: options.corridor.toUpperCase(), onProgress: progress.update });
          return { json: result, text: describeImport(result), exitCode: result.error_count > 0 ? 1 : 0 };
        } finally {
          progress.stop();
        }
      }),
    );
}
