import type { Command } from 'commander';

export function serveCommands(program: Command): void {
  void program;
}
