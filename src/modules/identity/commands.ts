import type { Command } from 'commander';
import { orgCommands } from './cli/orgs.js';
import { tokenCommands } from './cli/tokens.js';
import { userCommands } from './cli/users.js';

export function identityCommands(program: Command): void {
  orgCommands(program);
  userCommands(program);
  tokenCommands(program);
}
