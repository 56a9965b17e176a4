import type { Command } from 'commander';
import type { CliContext, CommandResult } from '../../../cli/run.js';
import { runCommand } from '../../../cli/run.js';
import { createOrganisation } from '../organisations/create-organisation.js';
import { CreateOrganisationRequest } from '../organisations/create-organisation.schema.js';
import { namingOptions, parseOptions } from './cli-input.js';

const OPTION_NAMES = { kind: '--kind', name: '--name', country: '--country', external_id: '--external-id' };

export interface CreateOrgOptions {
  kind: string;
  name: string;
  country: string;
  externalId?: string;
}

export async function createOrgCommand(ctx: Pick<CliContext, 'database' | 'actor'>, options: CreateOrgOptions): Promise<CommandResult> {
  const input = parseOptions(
    CreateOrganisationRequest,
    { kind: options.kind, name: options.name, country: options.country.toUpperCase(), external_id: options.externalId },
    OPTION_NAMES,
  );
  const org = await namingOptions(OPTION_NAMES, () => createOrganisation(ctx.database.db, ctx.actor, input));
  return { json: org, text: `Created ${org.kind} ${org.name} (${org.country}): ${org.id}` };
}

export function orgCommands(program: Command): void {
  const orgs = program.command('orgs').description('Organisations');
  orgs
    .command('create')
    .description('Enrol an organisation')
    .requiredOption('--kind <kind>', 'origin_authority, destination_authority, employer, recruitment_agency, wage_agent, lender, remittance_provider or platform')
    .requiredOption('--name <name>', 'name')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-3 of the country it is established in')
    .option('--external-id <id>', 'its id in the field (establishment id, routing code, licence number)')
    .option('--json', 'print one JSON document')
    .action(async (options: CreateOrgOptions, command: Command) => runCommand(command, (ctx) => createOrgCommand(ctx, options)));
}
