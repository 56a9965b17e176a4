import type { Command } from 'commander';
import type { CliContext, CommandResult } from '../../../cli/run.js';
import { runCommand } from '../../../cli/run.js';
import { createToken } from '../tokens/create-token.js';
import { CreateTokenRequest } from '../tokens/create-token.schema.js';
import { revokeToken } from '../tokens/revoke-token.js';
import { namingOptions, parseOptions } from './cli-input.js';

const OPTION_NAMES = { organisation_id: '--organisation', name: '--name', scopes: '--scope', expires_at: '--expires' };

type Ctx = Pick<CliContext, 'database' | 'actor'>;

export interface CreateTokenOptions {
  organisation: string;
  name: string;
  scope: string[];
  expires?: string;
}

export async function createTokenCommand(ctx: Ctx, options: CreateTokenOptions): Promise<CommandResult> {
  const input = parseOptions(
    CreateTokenRequest,
    { organisation_id: options.organisation, name: options.name, scopes: options.scope, expires_at: options.expires },
    OPTION_NAMES,
  );
  const token = await namingOptions(OPTION_NAMES, () => createToken(ctx.database.db, ctx.actor, input));
  return {
    json: { id: token.id, token: token.token, scopes: token.scopes, organisation_id: token.organisation_id, expires_at: token.expires_at },
    text: `Created API token ${token.id} (${token.scopes.join(', ')})\nToken (shown once): ${token.token}`,
  };
}

export async function revokeTokenCommand(ctx: Ctx, id: string): Promise<CommandResult> {
  const token = await revokeToken(ctx.database.db, ctx.actor, id);
  return { json: { id: token.id, revoked_at: token.revoked_at }, text: `Revoked API token ${token.id} at ${token.revoked_at}` };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function tokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for machine clients');
  tokens
    .command('create')
    .description("Create an API token for an organisation (prints it once)")
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--scope <scope>', 'a scope to grant (repeat for more)', collect)
    .option('--expires <date>', 'last day it works, YYYY-MM-DD (UTC)')
    .option('--json', 'print one JSON document')
    .action(async (options: CreateTokenOptions, command: Command) => runCommand(command, (ctx) => createTokenCommand(ctx, options)));
  tokens
    .command('revoke')
    .description('Revoke an API token')
    .argument('<id>', 'token id')
    .option('--json', 'print one JSON document')
    .action(async (id: string, _options: unknown, command: Command) => runCommand(command, (ctx) => revokeTokenCommand(ctx, id)));
}
