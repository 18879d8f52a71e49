import { AGGREGATE_HELP, aggregateCommand } from './aggregate.ts';
import { CliInputError, CliUsageError } from './io.ts';
import type { CliOutput } from './options.ts';
import { VALIDATE_HELP, validateCommand } from './validate.ts';

export const MAIN_HELP = `Usage: qr-map <command> [options]

Checks and aggregates QR-payment adoption data on the command line, with the same rules as the
dashboard. Nothing leaves the computer.

Commands:
  validate <file>     check one data file (merchant CSV, or areas/markets/streets GeoJSON)
  aggregate ...       join merchants to areas and write per-area counts (CSV) and a report (JSON)
  help [command]      show help

Run \`qr-map <command> --help\` for the options of a command. Full documentation: docs/cli.md.
`;

/** Runs the command line and returns the exit code: 0 fine, 1 something rejected, 2 cannot read / usage. */
export function run(argv: readonly string[], out: CliOutput): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        out.stdout(MAIN_HELP);
        return command === undefined ? 2 : 0;
      case 'help': {
        const topic = args[0];
        out.stdout(topic === 'validate' ? VALIDATE_HELP : topic === 'aggregate' ? AGGREGATE_HELP : MAIN_HELP);
        return 0;
      }
      case 'validate':
        return validateCommand(args, out);
      case 'aggregate':
        return aggregateCommand(args, out);
      default:
        throw new CliUsageError(`unknown command “${command}” (commands: validate, aggregate; see qr-map --help)`);
    }
  } catch (error) {
    if (error instanceof CliInputError || error instanceof CliUsageError) {
      out.stderr(`qr-map: ${error.message}\n`);
      return 2;
    }
    // Errors from node:util parseArgs (unknown option, missing value) are usage errors too.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`qr-map: ${error.message} (see qr-map ${command ?? ''} --help)\n`);
      return 2;
    }
    throw error;
  }
}
