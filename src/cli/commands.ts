import type { Command } from 'commander';
import { contractCommands } from '../modules/contracts/commands.js';
import { contractPdfCommands } from '../modules/contracts/pdf/commands.js';
import { corridorCommands } from '../modules/corridors/commands.js';
import { registryCommands } from '../modules/contracts/registry/commands.js';
import { identityCommands } from '../modules/identity/commands.js';
import { wageCommands } from '../modules/wages/commands.js';
import { remittanceCommands } from '../modules/remittances/commands.js';
import { loanCommands } from '../modules/loans/commands.js';
import { recruitmentCommands } from '../modules/recruitment/commands.js';
import { serveCommands } from './serve.js';

/** Every module's commands, in one list. */
export function registerModuleCommands(program: Command): void {
  serveCommands(program);
  identityCommands(program);
  corridorCommands(program);
  wageCommands(program);
  contractCommands(program);
  registryCommands(program);
  contractPdfCommands(program);
  remittanceCommands(program);
  loanCommands(program);
  recruitmentCommands(program);
}
