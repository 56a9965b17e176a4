import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { reportError, runCommand } from '../../cli/run.js';
import { Period } from '../wages/reconcile/period.js';
import { reportDeductions } from './deductions.js';
import { loanTotals } from './loan-views.js';
import { matchRepayments } from './match-repayments.js';
import { recordRefundPayment } from './refunds.js';

const usage = (message: string) => new AppError('bad_request', message);

export function loanCommands(program: Command): void {
  const loans = program.command('loans').description('Pre-departure loans: deductions reported by wage agents, the monthly repayment match, totals');

  loans
    .command('deductions')
    .description('Import a CSV of loan deductions (loan_id,month,amount_minor,currency), taken whole or refused whole')
    .argument('<file>', 'the CSV file')
    .option('--json', 'print one JSON document')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const bytes = await readFile(file).catch(() => undefined);
      if (!bytes) return reportError(usage(`Cannot read ${file}: no such file`), Boolean(options.json));
      await runCommand(command, async ({ database, actor }) => {
        const { report } = await reportDeductions(database, actor, { kind: 'csv', bytes, via: 'cli' });
        return { json: report, text: `${file}: ${report.status}${report.duplicate_of ? ` (of ${report.duplicate_of})` : ''}, ${report.lines} deductions, ${report.total_minor} in total` };
      });
    });

  loans
    .command('match')
    .description("Match a reconciled month's deductions to the repayment schedules, in one pass")
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--json', 'print one JSON document')
    .action(async (options: { period: string; json?: boolean }, command: Command) => {
      if (!Period.safeParse(options.period).success) return reportError(usage(`--period ${options.period}: expected YYYY-MM`), Boolean(options.json));
      await runCommand(command, async ({ database, actor }) => {
        const s = await matchRepayments(database.db, actor, { period: options.period });
        return {
          json: s,
          text: `${s.period}: ${s.loans} loans matched: ${s.paid} paid, ${s.short} short, ${s.missed} missed, ${s.deferred} deferred, ${s.not_due} not due; ` +
            `flagged ${s.flagged_over_cap} over the cap, ${s.flagged_not_paid_in_full} from a wage not paid in full; applied ${s.applied_minor}, refunds owed ${s.refund_minor}`,
        };
      });
    });

  loans
    .command('refund')
    .description('Record a refund paid back to a worker (amount, day, reference): at most what the repayment match recorded as owed')
    .argument('<loan-id>', 'the loan')
    .requiredOption('--amount-minor <N>', 'amount paid back, minor units')
    .requiredOption('--currency <CODE>', "the loan's currency (ISO 4217)")
    .requiredOption('--paid-on <YYYY-MM-DD>', 'day it was paid')
    .requiredOption('--reference <TEXT>', 'the payment reference')
    .option('--json', 'print one JSON document')
    .action(async (loanId: string, options: { amountMinor: string; currency: string; paidOn: string; reference: string; json?: boolean }, command: Command) => {
      if (!/^\d+$/.test(options.amountMinor)) return reportError(usage(`--amount-minor ${options.amountMinor}: expected a whole number of minor units`), Boolean(options.json));
      await runCommand(command, async ({ database, actor }) => {
        const p = await recordRefundPayment(database.db, actor, loanId, {
          amount_minor: Number(options.amountMinor), currency: options.currency, paid_on: options.paidOn, reference: options.reference,
        });
        return { json: p, text: `refund of ${p.amount_minor} ${p.currency} paid on ${p.paid_on} (${p.reference}) recorded for loan ${p.loan_id}` };
      });
    });

  loans
    .command('totals')
    .description('Loan totals by corridor and currency')
    .option('--corridor <CODE>', 'only this corridor')
    .option('--json', 'print one JSON document')
    .action(async (options: { corridor?: string; json?: boolean }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const t = await loanTotals(database.db, actor, { corridor: options.corridor });
        return {
          json: t,
          text: t.rows.map((r) => `${r.corridor_code} ${r.currency}: ${r.applications} applications, ${r.disbursed} disbursed (${r.disbursed_minor}), repaid ${r.repaid_minor}, balance ${r.balance_minor}, refunds owed ${r.refunds_owed_minor} (paid ${r.refunds_paid_minor}), ${r.months_deferred} months deferred, ${r.months_flagged} flagged`).join('\n') || 'no loans',
        };
      });
    });
}
