import type { Command } from 'commander';
import { contractCommands } from '../modules/contracts/commands.js';
import { corridorCommands } from '../modules/corridors/commands.js';
import { registryCommands } from '../modules/contracts/registry/commands.js';
import { identityCommands } from '../modules/identity/commands.js';
import { wageCommands } from '../modules/wages/commands.js';
import { remittanceCommands } from '../modules/remittances/commands.js';
import { serveCommands } from './serve.js';

/** Every module's commands, in one list. */
export function registerModuleCommands(program: Command): void {
  serveCommands(program);
  identityCommands(program);
  corridorCommands(program);
  wageCommands(program);
  contractCommands(program);
  registryCommands(program);
  remittanceCommands(program);
}
