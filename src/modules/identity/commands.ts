import type { Command } from 'commander';

export function identityCommands(program: Command): void {
  void program;
}
