/** Entry point of the `qr-map` command line (run with tsx: `npm run cli -- <command>` or `npx qr-map`). */
import { run } from './run.ts';

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
