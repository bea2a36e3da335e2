/** Logger: log(message) or log(format, ...values); the host keeps every line with its clock time. */
import type { ServiceContext } from './internal.js';
import { formatString } from './utilities.js';

export interface LogLine {
  at: number;
  message: string;
}

export interface LoggerHost {
  lines: LogLine[];
  /** Also print each line to the Node console (off by default). */
  echo: boolean;
}

function render(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && !(value instanceof Error)) {
    try {
      return JSON.stringify(value);
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- JSON cannot write it (a cycle): its default string
      return String(value);
    }
  }
  return String(value);
}

export class Logger {
  /** Lines since the last clear(): what getLog() returns (the host's `lines` keep everything). */
  #current: string[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: LoggerHost,
  ) {}

  log(data: unknown, ...values: unknown[]): this {
    const message = values.length > 0 ? formatString(String(data), values) : render(data);
    this.#current.push(message);
    this.host.lines.push({ at: this.ctx.clock.now(), message });
    if (this.host.echo) console.log(`[Logger] ${message}`);
    return this;
  }

  getLog(): string {
    return this.#current.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    this.#current = [];
  }
}
