import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runCommand } from '../../../cli/run.js';
import { contractPdf } from './contract-pdf.js';
import { PdfRenderer } from './pdf-renderer.js';

/** `corridor contracts pdf NO --lang xx [--out FILE]`: the worker's copy of a registered contract, printed to a file. */
export function contractPdfCommands(program: Command): void {
  const contracts = program.commands.find((c) => c.name() === 'contracts') ?? program.command('contracts').description('Employment contracts');
  contracts
    .command('pdf')
    .description("Print the worker's copy of a registered contract to PDF (headless Chromium), in one of its languages")
    .argument('<contract_no>', 'the contract number, e.g. NPL-ARE-2026-000001')
    .requiredOption('--lang <lang>', 'the language, e.g. ne, ar')
    .option('--out <file>', 'where to write it (default: contract-<no>-<lang>.pdf in this folder)')
    .option('--json', 'print one JSON document')
    .action(async (contractNo: string, options: { lang: string; out?: string; json?: boolean }, command: Command) =>
      runCommand(command, async ({ database, config, actor }) => {
        const renderer = new PdfRenderer({ concurrency: 1 });
        try {
          const baseUrl = config.publicUrl ?? 'http://localhost:3000';
          const result = await contractPdf(database.db, renderer, actor, { contractNo, lang: options.lang, baseUrl });
          const file = resolve(options.out ?? result.filename);
          await writeFile(file, result.pdf);
          return {
            json: { contract_no: result.contractNo, lang: result.lang, file, bytes: result.pdf.length },
            text: `Wrote ${file} (${result.pdf.length} bytes): contract ${result.contractNo} in ${result.lang}`,
          };
        } finally {
          await renderer.close();
        }
      }),
    );
}
