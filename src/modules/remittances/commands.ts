import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { AppError } from '../../core/errors.js';
import { reportError, runCommand } from '../../cli/run.js';
import { fileProgress } from '../../cli/file-progress.js';
import { corridorAverages } from './figures/averages.js';
import { periodFigures } from './figures/sdg.js';
import { isPeriod } from './period.js';
import { loadRates } from './rates.js';
import { RateInput } from './remittance.schema.js';
import { importRpwFile } from './rpw/import-rpw.js';

const usage = (message: string) => new AppError('bad_request', message);
const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(2)}%`);

function checkPeriod(json: boolean, period?: string): boolean {
  if (period === undefined || isPeriod(period)) return true;
  reportError(usage(`--period ${period}: expected a quarter as YYYY_nQ, e.g. 2025_1Q`), json);
  return false;
}

export function remittanceCommands(program: Command): void {
  const remittances = program.command('remittances').description('Remittance prices: survey imports, reference rates and the RPW figures');

  remittances
    .command('import')
    .description('Import price quotes in the World Bank RPW layout; totals are recomputed, never taken from the file')
    .argument('<file>', 'CSV file')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const progress = fileProgress();
        const r = await importRpwFile(database, actor, file, (bytes, total) => progress.update('reading', bytes, total)).finally(progress.stop);
        const lines = r.errors.map((e) => `  line ${e.line} ${e.field}: ${e.message}${e.expected ? ` (expected ${e.expected})` : ''}`);
        const flagged = `not comparable ${r.not_comparable} (not transparent ${r.flags.not_transparent}, rate missing ${r.flags.rate_missing}, placeholder rate ${r.flags.rate_placeholder}); negative margins kept ${r.flags.negative_margin}`;
        const text =
          r.status === 'imported' ? `${r.file}: imported ${r.rows} quotes; ${flagged}`
          : r.status === 'duplicate' ? `${r.file}: already imported (import ${r.import_id}); nothing changed`
          : `${r.file}: rejected, ${r.error_count} errors; nothing stored${lines.length ? '\n' + lines.join('\n') : ''}${r.error_count > lines.length ? `\n  ... and ${r.error_count - lines.length} more` : ''}`;
        return { json: r, text, exitCode: r.status === 'rejected' ? 1 : 0 };
      });
    });

  remittances
    .command('averages')
    .description('Per corridor and period: average total cost at USD 200 and 500, services with a comparable price, SmaRT (PRODUCT.md 5.5)')
    .option('--period <YYYY_nQ>', 'only this quarter')
    .option('--json', 'print one JSON document')
    .action(async (options: { period?: string; json?: boolean }, command: Command) => {
      if (!checkPeriod(Boolean(options.json), options.period)) return;
      await runCommand(command, async ({ database }) => {
        const rows = await corridorAverages(database.db, { period: options.period });
        const text = rows.map((r) => `${r.period} ${r.source_code}->${r.destination_code}: USD 200 ${pct(r.avg_total_cost_pct_200)}, USD 500 ${pct(r.avg_total_cost_pct_500)}, SmaRT ${pct(r.smart_pct)}, ${r.services} services`).join('\n');
        return { json: rows, text: text || 'no quotes' };
      });
    });

  remittances
    .command('sdg')
    .description('SDG 10.c.1: the global average cost of sending USD 200, and the regional averages, per period')
    .option('--period <YYYY_nQ>', 'only this quarter')
    .option('--json', 'print one JSON document')
    .action(async (options: { period?: string; json?: boolean }, command: Command) => {
      if (!checkPeriod(Boolean(options.json), options.period)) return;
      await runCommand(command, async ({ database }) => {
        const periods = await periodFigures(database.db, options.period);
        const text = periods.map((p) => [`${p.period}: global ${pct(p.global_avg_total_cost_pct_200)} over ${p.services} services in ${p.corridors} corridors`, ...p.regions.map((r) => `  ${r.region}: ${pct(r.avg_total_cost_pct_200)} (${r.services})`)].join('\n')).join('\n');
        return { json: periods, text: text || 'no quotes' };
      });
    });

  remittances
    .command('rates')
    .description('Load interbank reference rates from a CSV file (base_currency,quote_currency,rate,effective_on,source): all or none')
    .argument('<file>', 'CSV file')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const rates = await readRates(file);
        const r = await loadRates(database.db, actor, rates);
        return { json: r, text: `loaded ${r.loaded} rates` };
      });
    });
}

/** Rates file: every bad line is named before anything is stored. */
async function readRates(file: string): Promise<RateInput[]> {
  const rows: RateInput[] = [];
  const problems: { line: number; field?: string; message: string }[] = [];
  let line = 1;
  try {
    for await (const record of createReadStream(file).pipe(parse({ columns: true, trim: true, skip_empty_lines: true }))) {
      line++;
      const parsed = RateInput.safeParse(record);
      if (parsed.success) rows.push(parsed.data);
      else for (const issue of parsed.error.issues) problems.push({ line, field: issue.path.join('.') || undefined, message: issue.message });
    }
  } catch (err) {
    throw new AppError('bad_request', `Cannot read ${file}: ${(err as Error).message}`);
  }
  if (problems.length) throw new AppError('validation_failed', `${file}: ${problems.length} problems; nothing loaded`, problems);
  return rows;
}
