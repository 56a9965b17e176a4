import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { reportError, runCommand } from '../../cli/run.js';
import type { Acknowledgement } from './intake/acknowledgement.js';
import { type SalaryFileOnDisk, salaryFilesAt } from './intake/files-on-disk.js';
import { receiveSalaryFiles } from './intake/import-salary-files.js';
import { Period, IsoDate } from './reconcile/period.js';
import { reconcileMonth } from './reconcile/reconcile-month.js';
import { workerStatus } from './reconcile/worker-status.js';
import { runFollowUp } from './follow-up/run-follow-up.js';
import { UAE_PROFILES, type SalaryFileFormat, type UaeProfile } from './salary-files/index.js';

const usage = (message: string) => new AppError('bad_request', message);

function checkOptions(options: { period?: string; asOf?: string; profiles?: string; format?: string }): void {
  if (options.period !== undefined && !Period.safeParse(options.period).success) throw usage(`--period ${options.period}: expected YYYY-MM`);
  if (options.asOf !== undefined && !IsoDate.safeParse(options.asOf).success) throw usage(`--as-of ${options.asOf}: expected YYYY-MM-DD`);
  for (const p of options.profiles?.split(',') ?? [])
    if (!UAE_PROFILES.includes(p as UaeProfile)) throw usage(`--profiles: unknown profile ${p}; known: ${UAE_PROFILES.join(', ')}`);
  if (options.format !== undefined && !['uae-sif', 'qatar-sif', 'csv'].includes(options.format)) throw usage(`--format ${options.format}: expected uae-sif, qatar-sif or csv`);
}

/** Usage errors are reported before the database is opened: a typo should not cost a migration. */
async function precheck(json: boolean, check: () => Promise<void> | void): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (err) {
    reportError(err, json);
    return false;
  }
}

/** One file's line of `wps import` (CLI.md), and a few facts more. */
const printed = (file: string, a: Acknowledgement) => ({
  file, status: a.status, records: a.records, errors: a.errors.map(({ line, field, message }) => ({ line, field, message })),
  id: a.id, employer_id: a.employer_external_id, salary_month: a.salary_month, total_minor: a.total_minor,
  warnings: a.warning_count, duplicate_of: a.duplicate_of,
});

export function wageCommands(program: Command): void {
  const wps = program.command('wps').description('Wage protection: salary files and the monthly reconciliation');

  wps
    .command('import')
    .description('Import salary information files (UAE SIF, Qatar SIF, Corridor CSV), each taken whole or refused whole')
    .argument('<files...>', 'salary files, or folders of them (the files directly inside, by name)')
    .option('--format <format>', 'skip detection: uae-sif, qatar-sif or csv')
    .option('--profiles <list>', `UAE SIF bank profiles, comma-separated (${UAE_PROFILES.join(', ')})`)
    .option('--json', 'print one JSON document')
    .action(async (paths: string[], options: { format?: string; profiles?: string; json?: boolean }, command: Command) => {
      let files: SalaryFileOnDisk[] = [];
      const ok = await precheck(Boolean(options.json), async () => {
        checkOptions(options);
        files = await salaryFilesAt(paths, options.format as SalaryFileFormat | undefined, options.profiles?.split(',') as UaeProfile[] | undefined);
      });
      if (!ok) return;
      await runCommand(command, async ({ database, actor }) => {
        // Only what is printed is kept of each acknowledgement: a month is hundreds of thousands of files.
        const out: ReturnType<typeof printed>[] = [];
        await receiveSalaryFiles(database, actor, files, (a) => void out.push(printed(files[out.length]!.path, a)));
        const text = out.map((f) => `${f.file}: ${f.status}, ${f.records} records${f.errors.length ? '\n' + f.errors.map((e) => `  line ${e.line} ${e.field}: ${e.message}`).join('\n') : ''}`).join('\n');
        return { json: { files: out }, text, exitCode: out.some((f) => f.status === 'rejected') ? 1 : 0 };
      });
    });

  wps
    .command('reconcile')
    .description('Reconcile every registered contract active in a month against what was paid (PRODUCT.md 5.3)')
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--corridor <CODE>', 'only this corridor')
    .option('--as-of <YYYY-MM-DD>', 'count only payments paid on or before this date (default today)')
    .option('--json', 'print one JSON document')
    .action(async (options: { period: string; corridor?: string; asOf?: string; json?: boolean }, command: Command) => {
      if (!(await precheck(Boolean(options.json), () => checkOptions(options)))) return;
      await runCommand(command, async ({ database, actor }) => {
        const s = await reconcileMonth(database.db, actor, { period: options.period, as_of: options.asOf, corridor: options.corridor });
        return {
          json: s,
          text: `${s.period} (as of ${s.as_of}): ${s.contracts} contracts: ${s.paid} paid, ${s.late} late, ${s.underpaid} underpaid, ${s.unpaid} unpaid, ${s.pending} pending; ${s.unregistered_payments} unregistered payments`,
        };
      });
    });

  wps
    .command('status')
    .description("One worker's wage check for a month")
    .requiredOption('--period <YYYY-MM>', 'the month')
    .requiredOption('--worker <WORKER_ID>', 'person id as in salary files')
    .option('--as-of <YYYY-MM-DD>', 'count only payments paid on or before this date (default today)')
    .option('--json', 'print one JSON document')
    .action(async (options: { period: string; worker: string; asOf?: string; json?: boolean }, command: Command) => {
      if (!(await precheck(Boolean(options.json), () => checkOptions(options)))) return;
      await runCommand(command, async ({ database }) => {
        const s = await workerStatus(database.db, { period: options.period, personId: options.worker, asOf: options.asOf });
        return { json: s, text: `${s.worker_id} ${options.period}: ${s.status}, expected ${s.expected_minor}, paid ${s.paid_minor}${s.paid_on ? ` (on ${s.paid_on})` : ''}` };
      });
    });

  wps
    .command('follow-up')
    .description('Run the follow-up ladder over the stored reconciliation: reminders, warning, inspection, suspensions, change of employer')
    .option('--as-of <YYYY-MM-DD>', 'the day to run it for (default today)')
    .option('--json', 'print one JSON document')
    .action(async (options: { asOf?: string; json?: boolean }, command: Command) => {
      if (!(await precheck(Boolean(options.json), () => checkOptions(options)))) return;
      await runCommand(command, async ({ database, actor }) => {
        const s = await runFollowUp(database.db, actor, { as_of: options.asOf });
        return {
          json: s,
          text: `follow-up as of ${s.as_of}: ${s.opened} opened, ${s.advanced} advanced, ${s.closed} closed; ${s.open_cases} open ` +
            `(${s.reminders} reminders, ${s.warnings} warnings, ${s.inspections} inspections this run); ` +
            `${s.suspensions_started} suspensions started, ${s.suspensions_lifted} lifted; ${s.change_of_employer_rights} rights to change employer`,
        };
      });
    });
}
