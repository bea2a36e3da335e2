/** Utilities: dates, sprintf, sleep (advances the clock), UUIDs, base64, digests, blobs, JSON. */
import { createHash, createHmac } from 'node:crypto';

import { GMT, resolveZone } from '../time-zones.js';
import { dateMs, fromBytes, isDate, type ServiceContext, signatureError, toSignedBytes } from './internal.js';
import { formatJavaDate } from './java-date-format.js';

const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
const DigestAlgorithm = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
});
const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

export interface UtilitiesHost {
  /** Time zone ids formatDate did not know (and so rendered in GMT, as Java does). */
  unknownTimeZones: string[];
  /** How many UUIDs getUuid has handed out. */
  uuidCount: number;
}

function encoding(charset: unknown): BufferEncoding {
  return charset === Charset.US_ASCII ? 'latin1' : 'utf8';
}

function bytesOf(data: unknown, charset?: unknown): Buffer {
  if (Array.isArray(data)) return fromBytes(data as number[]);
  return Buffer.from(String(data), encoding(charset));
}

export class Blob {
  #bytes: Buffer;
  #contentType: string | null;
  #name: string | null;

  constructor(bytes: Buffer, contentType: string | null, name: string | null) {
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }
  getBytes(): number[] {
    return toSignedBytes(this.#bytes);
  }
  getDataAsString(charset?: string): string {
    return this.#bytes.toString(charset === 'US-ASCII' ? 'latin1' : 'utf8');
  }
  getContentType(): string | null {
    return this.#contentType;
  }
  setContentType(contentType: string | null): this {
    this.#contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.#name;
  }
  setName(name: string): this {
    this.#name = name;
    return this;
  }
  setDataFromString(value: string): this {
    this.#bytes = Buffer.from(value, 'utf8');
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
}

/** printf-like formatting: %s %d %i %f %e %x %o %c %%, with flags -+0 and width.precision. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-+0 ]*)(\d+)?(?:\.(\d+))?([sdifexXoc%])/g,
    (_m, flags: string, width, prec, conv) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      let s: string;
      const n = Number(arg);
      switch (conv) {
        case 's':
          s = String(arg);
          if (prec !== undefined) s = s.slice(0, Number(prec));
          break;
        case 'd':
        case 'i':
          s = String(Math.trunc(n));
          break;
        case 'f':
          s = n.toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'e':
          s = n.toExponential(prec === undefined ? 6 : Number(prec));
          break;
        case 'x':
          s = Math.trunc(n).toString(16);
          break;
        case 'X':
          s = Math.trunc(n).toString(16).toUpperCase();
          break;
        case 'o':
          s = Math.trunc(n).toString(8);
          break;
        default:
          s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
      }
      const numeric = conv !== 's' && conv !== 'c';
      if (numeric && flags.includes('+') && n >= 0) s = '+' + s;
      else if (numeric && flags.includes(' ') && n >= 0) s = ' ' + s;
      const w = width === undefined ? 0 : Number(width);
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && numeric) {
          const sign = /^[-+ ]/.test(s) ? s.charAt(0) : '';
          s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
        } else s = s.padStart(w);
      }
      return s;
    },
  );
}

export class Utilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = Object.freeze({
    HMAC_MD5: 'HMAC_MD5',
    HMAC_SHA_1: 'HMAC_SHA_1',
    HMAC_SHA_256: 'HMAC_SHA_256',
  });

  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: UtilitiesHost,
  ) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError(this.ctx, 'Utilities.formatDate', [date, timeZone, format]);
    }
    const ms = dateMs(date);
    if (Number.isNaN(ms)) throw this.ctx.error('Invalid argument: date');
    let zone = resolveZone(timeZone);
    if (!zone) {
      this.host.unknownTimeZones.push(timeZone);
      zone = GMT;
    }
    try {
      return formatJavaDate(ms, zone, format);
    } catch (e) {
      throw this.ctx.error(e instanceof Error ? e.message : String(e));
    }
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(String(template), args);
  }

  /** Advances the emulator clock; nothing really waits. */
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw this.ctx.error('Invalid argument: milliseconds');
    this.ctx.clock.advance(Math.min(Number(milliseconds), 300_000));
  }

  /** Deterministic version-4-shaped ids: 00000000-0000-4000-8000-000000000001, ...002, ... */
  getUuid(): string {
    this.host.uuidCount++;
    return `00000000-0000-4000-8000-${this.host.uuidCount.toString(16).padStart(12, '0')}`;
  }

  base64Encode(data: string | number[], charset?: string): string {
    return bytesOf(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const name = NODE_DIGEST[String(algorithm)];
    if (!name) throw this.ctx.error(`The emulator does not support digest algorithm ${String(algorithm)}`);
    return toSignedBytes(createHash(name).update(bytesOf(value, charset)).digest());
  }

  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
    return toSignedBytes(
      createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest(),
    );
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    return this.ctx.tracker.track(new Blob(bytesOf(data ?? ''), contentType ?? null, name ?? null), 'Blob');
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }
  jsonParse(jsonString: string): unknown {
    return JSON.parse(jsonString);
  }
}
