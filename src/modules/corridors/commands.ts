import type { Command } from 'commander';

export function corridorCommands(program: Command): void {
  void program;
}
