import type { Command } from 'commander';
import { runCommand } from '../../cli/run.js';
import { changeLicenceStatus, issueLicence, listLicences } from './licences.js';

/**
 * Operator commands for agency licences (not in CLI.md's fixed set; nothing there conflicts):
 * record a licence an authority issued on paper, change its status with a reason, list them.
 * The CLI acts as the platform; every change is audited as 'cli' and kept in the licence history.
 */
export function recruitmentCommands(program: Command): void {
  const agencies = program.command('agencies').description('Recruitment agencies: licences (status, validity, history)');

  agencies
    .command('licence')
    .description('Record a licence of a recruitment agency (active from --valid-from to --valid-to; expiry is automatic)')
    .argument('<agency-id>', 'the agency organisation id')
    .requiredOption('--number <number>', 'licence number as issued')
    .requiredOption('--valid-from <date>', 'first day of validity (YYYY-MM-DD)')
    .requiredOption('--valid-to <date>', 'last day of validity (YYYY-MM-DD)')
    .option('--json', 'print one JSON document')
    .action(async (agencyId: string, options: { number: string; validFrom: string; validTo: string }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const licence = await issueLicence(database.db, actor, { agency_id: agencyId, number: options.number, valid_from: options.validFrom, valid_to: options.validTo });
        return { json: licence, text: `licence ${licence.number} of ${licence.agency_name}: ${licence.status} (${licence.valid_from} to ${licence.valid_to}), id ${licence.id}` };
      });
    });

  agencies
    .command('licence-status')
    .description('Suspend, reinstate or revoke a licence, with the reason')
    .argument('<licence-id>', 'the licence id')
    .requiredOption('--status <status>', 'active, suspended or revoked')
    .requiredOption('--reason <text>', 'why (kept in the history and shown on the public profile)')
    .option('--json', 'print one JSON document')
    .action(async (licenceId: string, options: { status: string; reason: string }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const licence = await changeLicenceStatus(database.db, actor, licenceId, { status: options.status, reason: options.reason });
        return { json: licence, text: `licence ${licence.number} of ${licence.agency_name}: ${licence.status}` };
      });
    });

  agencies
    .command('licences')
    .description('List licences with their status today and their history')
    .option('--agency <id>', 'only this agency')
    .option('--json', 'print one JSON document')
    .action(async (options: { agency?: string }, command: Command) => {
      await runCommand(command, async ({ database, actor }) => {
        const licences = await listLicences(database.db, actor, options.agency);
        return {
          json: { licences },
          text: licences.length ? licences.map((l) => `${l.number}\t${l.agency_name}\t${l.status}\t${l.valid_from}..${l.valid_to}\t${l.id}`).join('\n') : 'no licences',
        };
      });
    });
}
