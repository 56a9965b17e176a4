import { Command, CommanderError } from 'commander';
import { registerModuleCommands } from './commands.js';
import { reportError } from './run.js';

const program = new Command('corridor')
  .description('Corridor: contracts, wages and evidence for a labour-migration corridor')
  .option('--data <dir>', 'embedded database folder (default ./corridor-data; ignored when DATABASE_URL is set)')
  .showHelpAfterError()
  .exitOverride();

registerModuleCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with code 0.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    reportError(err, process.argv.includes('--json'));
  }
}
