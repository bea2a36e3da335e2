/** `npm start -- <flags>`: what the command line asks for, or the usage when it asks wrongly. */
import { parseArgs } from 'node:util';

const DEFAULT_PORT = 8642;

export const USAGE = `Usage: npm start -- [options]

Serves the Deal Pipeline playground on http://127.0.0.1:${DEFAULT_PORT}/: the built add-on (dist/)
running in the emulator, in a page that behaves like the spreadsheet with the add-on installed.

  --port N    listen on port N instead (0: any free port)
  --reset     forget the saved workbook and start again from the seeded team pipeline
  --dir PATH  keep the saved workbook in PATH instead of .playground/
  --demo      print the terminal walkthrough instead of serving the page
  --help      show this`;

export interface StartOptions {
  port: number;
  reset: boolean;
  demo: boolean;
  help: boolean;
  /** Where the save lives; undefined for .playground/ at the repository's root. */
  dir: string | undefined;
}

/** The options `args` give; throws an Error whose message says what is wrong, for the usage. */
export function parseOptions(args: readonly string[]): StartOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      reset: { type: 'boolean', default: false },
      dir: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number from 0 to 65535, not "${values.port}".`);
  }
  return { port, reset: values.reset, demo: values.demo, help: values.help, dir: values.dir };
}
