import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { runCommand } from '../../../cli/run.js';
import { verifyOfflineCommand } from './verify-offline-command.js';
import { type RegistryVerification, verifyRegistry } from './verify/verify-registry.js';

/** A bar on stderr only when it is a terminal: stdout carries the JSON alone. */
function progressBar() {
  if (!process.stderr.isTTY) return { onStart: undefined, onProgress: undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'verifying [{bar}] {percentage}% {value}/{total} entries', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return { onStart: (total: number) => bar.start(total, 0), onProgress: (done: number) => bar.update(done), stop: () => bar.stop() };
}

function describe(result: RegistryVerification): string {
  if (result.ok) return `Registry verified: ${result.entries} entries, every hash, signature and tree head checks out`;
  const lines = result.problems.map((p) => `  ${p.contract_no ?? '(log)'}: ${p.message}`);
  return [`Registry NOT verified: ${result.problems.length} problems in ${result.entries} entries`, ...lines].join('\n');
}

export function registryCommands(program: Command): void {
  const registry = program.command('registry').description('The contract registry: its append-only, signed log');

  registry
    .command('verify')
    .description("Re-check the whole registry from the stored data: every entry's hash, signatures and the log's integrity (exit 1 if anything fails)")
    .option('--json', 'print one JSON document')
    .action(async (_options: { json?: boolean }, command: Command) => {
      await runCommand(command, async ({ database }) => {
        const bar = progressBar();
        let result: RegistryVerification;
        try {
          result = await verifyRegistry(database.db, { onStart: bar.onStart, onProgress: bar.onProgress });
        } finally {
          bar.stop();
        }
        return { json: result, text: describe(result), exitCode: result.ok ? 0 : 1 };
      });
    });

  verifyOfflineCommand(registry);
}
