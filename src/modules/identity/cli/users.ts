import type { Command } from 'commander';
import type { CliContext, CommandResult } from '../../../cli/run.js';
import { runCommand } from '../../../cli/run.js';
import { createUser } from '../users/create-user.js';
import { CreateUserRequest } from '../users/create-user.schema.js';
import { namingOptions, parseOptions, readStdin } from './cli-input.js';

export interface CreateUserOptions {
  email: string;
  name: string;
  role: string;
  organisation?: string;
  worker?: string;
  language?: string;
  password?: string;
}

const OPTION_NAMES = { email: '--email', display_name: '--name', role: '--role', organisation_id: '--organisation', worker_id: '--worker', password: '--password-stdin', language: '--language' };

export async function createUserCommand(ctx: Pick<CliContext, 'database' | 'actor'>, options: CreateUserOptions): Promise<CommandResult> {
  const input = parseOptions(
    CreateUserRequest,
    { email: options.email, display_name: options.name, role: options.role, organisation_id: options.organisation, worker_id: options.worker, password: options.password, language: options.language },
    OPTION_NAMES,
  );
  const { user, one_time_password } = await namingOptions(OPTION_NAMES, () => createUser(ctx.database.db, ctx.actor, input));
  const json = { id: user.id, email: user.email, role: user.role, organisation_id: user.organisation_id, ...(one_time_password ? { one_time_password } : {}) };
  const text = `Created ${user.role} ${user.email} (${user.id})` + (one_time_password ? `\nOne-time password (shown once): ${one_time_password}` : '');
  return { json, text };
}

export function userCommands(program: Command): void {
  const users = program.command('users').description('User accounts');
  users
    .command('create')
    .description('Create an account; prints a one-time password unless --password-stdin gives one')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'platform_admin, org_admin, org_staff or worker')
    .option('--organisation <id>', 'organisation id (org_admin, org_staff)')
    .option('--worker <id>', 'worker id (role worker)')
    .option('--language <tag>', 'preferred language, e.g. ne')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print one JSON document')
    .action(async (options: CreateUserOptions & { passwordStdin?: boolean }, command: Command) =>
      runCommand(command, async (ctx) =>
        createUserCommand(ctx, { ...options, password: options.passwordStdin ? await readStdin() : undefined }),
      ),
    );
}
