import type { Command } from 'commander';

/** Every module's commands, in one list. */
export function registerModuleCommands(program: Command): void {
  void program;
}
