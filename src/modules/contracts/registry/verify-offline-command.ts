import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportError } from '../../../cli/run.js';
import { AppError } from '../../../core/errors.js';
import { verifyPayload } from '../verifier/verify-payload.js';

/**
 * What a phone does with a QR code, at the command line: checks an offline payload against
 * the log's public key alone, with no database and no network.
 */
export function verifyOfflineCommand(registry: Command): void {
  registry
    .command('verify-payload')
    .description('Verify an offline payload (the JSON in a contract\'s QR code) against the log public key, without the database')
    .argument('<payload>', 'file with the payload JSON (- for standard input)')
    .requiredOption('--log-key <key>', 'the log public key (base64url), from /.well-known/corridor-registry.json', (v: string, all: string[] = []) => [...all, v])
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { logKey: string[]; json?: boolean }) => {
      try {
        const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
        let payload: unknown;
        try {
          payload = JSON.parse(text);
        } catch {
          throw new AppError('validation_failed', `${file} is not JSON`);
        }
        const result = await verifyPayload(payload, options.logKey);
        const text2 = [result.ok ? 'VALID: the contract is in the registry as shown' : 'NOT VALID', ...result.checks.map((c) => `  ${c.ok ? 'ok ' : 'BAD'} ${c.name}: ${c.message}`)].join('\n');
        process.stdout.write((options.json ? JSON.stringify(result) : text2) + '\n');
        process.exitCode = result.ok ? 0 : 1;
      } catch (err) {
        reportError(err, Boolean(options.json));
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
