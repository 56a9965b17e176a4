import type { Command } from 'commander';
import { corridorCommands } from '../modules/corridors/commands.js';
import { identityCommands } from '../modules/identity/commands.js';
import { serveCommands } from './serve.js';

/** Every module's commands, in one list. */
export function registerModuleCommands(program: Command): void {
  serveCommands(program);
  identityCommands(program);
  corridorCommands(program);
}
