/**
 * Display values: a value rendered through a Sheets number format in the spreadsheet's time
 * zone. Supports the common subset: "@", "0", "0.00", "#,##0", percents, currency prefixes and
 * suffixes ("$"#,##0.00, [$$]#,##0.00, #,##0.00 "EUR"), negative sections, and date/time
 * patterns (yyyy-mm-dd, mmm d, yyyy, M/d/yyyy, hh:mm, h:mm AM/PM). Unformatted numbers show up
 * to 10 significant digits; unformatted dates show as yyyy-mm-dd (plus hh:mm:ss when not midnight).
 */
import {
  ianaZone,
  MONTH_NAMES,
  utcWallTime,
  type WallTime,
  wallTime,
  WEEKDAY_NAMES,
  type Zone,
  zoneOffsetMs,
} from '../time-zones';
import { type CellValue, GENERAL_FORMAT, isDate } from './model';

type Token = { kind: 'lit'; text: string } | { kind: 'code'; text: string };

/** Splits a format section into literal text and format codes. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ kind: 'lit', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      out.push({ kind: 'lit', text: section.charAt(++i) });
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      if (inner.startsWith('$')) out.push({ kind: 'lit', text: inner.slice(1).split('-')[0] ?? '' });
      i = stop;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (/^(AM\/PM|am\/pm|A\/P|a\/p)/.test(section.slice(i))) {
      const m = /^(AM\/PM|am\/pm|A\/P|a\/p)/.exec(section.slice(i))?.[0] ?? '';
      out.push({ kind: 'code', text: m });
      i += m.length - 1;
    } else if (/[yYmMdDhHsS]/.test(ch)) {
      let j = i;
      while (j + 1 < section.length && section.charAt(j + 1).toLowerCase() === ch.toLowerCase()) j++;
      out.push({ kind: 'code', text: section.slice(i, j + 1).toLowerCase() });
      i = j;
    } else if (/[0#?,.%@eE+]/.test(ch)) {
      out.push({ kind: 'code', text: ch });
    } else {
      out.push({ kind: 'lit', text: ch });
    }
  }
  return out;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) {
      sections.push(format.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(format.slice(start));
  return sections;
}

function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatWall(tokens: Token[], t: WallTime): string {
  const ampm = tokens.some((tok) => tok.kind === 'code' && /^a/i.test(tok.text));
  let out = '';
  let lastCode = '';
  tokens.forEach((tok, i) => {
    if (tok.kind === 'lit') {
      out += tok.text;
      return;
    }
    const code = tok.text;
    const c = code.charAt(0);
    if (c === 'y') out += code.length <= 2 ? pad(t.year % 100, 2) : String(t.year);
    else if (c === 'd') {
      if (code.length >= 4) out += WEEKDAY_NAMES[t.weekday] ?? '';
      else if (code.length === 3) out += (WEEKDAY_NAMES[t.weekday] ?? '').slice(0, 3);
      else out += code.length === 2 ? pad(t.day, 2) : String(t.day);
    } else if (c === 'h') {
      const h = ampm ? t.hour % 12 || 12 : t.hour;
      out += code.length >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += code.length >= 2 ? pad(t.second, 2) : String(t.second);
    else if (c === 'm') {
      const next = tokens.slice(i + 1).find((x) => x.kind === 'code');
      const isMinute = code.length <= 2 && (lastCode === 'h' || next?.text.charAt(0) === 's');
      if (isMinute) out += code.length === 2 ? pad(t.minute, 2) : String(t.minute);
      else if (code.length >= 5) out += (MONTH_NAMES[t.month - 1] ?? '').charAt(0);
      else if (code.length === 4) out += MONTH_NAMES[t.month - 1] ?? '';
      else if (code.length === 3) out += (MONTH_NAMES[t.month - 1] ?? '').slice(0, 3);
      else out += code.length === 2 ? pad(t.month, 2) : String(t.month);
    } else if (c === 'a' || c === 'A') {
      const pm = t.hour >= 12;
      const text = code.length > 3 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
      out += c === 'a' ? text.toLowerCase() : text;
    } else out += code;
    lastCode = c;
  });
  return out;
}

function formatNumber(tokens: Token[], value: number, negativeSign: boolean): string {
  const first = tokens.findIndex((t) => t.kind === 'code' && /[0#?]/.test(t.text));
  if (first < 0) return tokens.map((t) => (t.text === '@' ? generalNumber(value) : t.text)).join('');
  let last = first;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind === 'code' && /[0#?,.]/.test(t.text)) last = i;
    else break;
  }
  const pattern = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join('');
  const literal = (ts: Token[]): string =>
    ts
      .filter((t) => t.text !== '%')
      .map((t) => t.text)
      .join('');
  const prefix = literal(tokens.slice(0, first));
  const suffix = literal(tokens.slice(last + 1));
  const percents = tokens.filter((t) => t.kind === 'code' && t.text === '%').length;
  const [intPattern = '', decPattern = ''] = pattern.split('.');
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const minInteger = (intPattern.match(/0/g) ?? []).length;
  const scaled = Math.abs(value) * 100 ** percents;
  let [intText = '', decText = ''] = scaled.toFixed(maxDecimals).split('.');
  while (decText.length > minDecimals && decText.endsWith('0')) decText = decText.slice(0, -1);
  if (intText === '0' && minInteger === 0) intText = '';
  intText = intText.padStart(minInteger, '0');
  if (intPattern.includes(',')) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = decText ? `${intText}.${decText}` : intText;
  const sign = negativeSign && value < 0 && /[1-9]/.test(digits) ? '-' : '';
  return `${sign}${prefix}${digits}${'%'.repeat(percents)}${suffix}`;
}

const DATE_CODE = /^(y+|m+|d+|h+|s+|am\/pm|a\/p)$/i;

/** The text Sheets shows for a value under a number format in a time zone. */
export function displayValue(
  value: CellValue | undefined,
  format: string | undefined,
  timeZone: string,
): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const general = format === undefined || format === GENERAL_FORMAT || format.toLowerCase() === 'general';
  if (isDate(value) && general) {
    const t = wallTime(value.getTime(), ianaZone(timeZone));
    const date = `${t.year}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
    return t.hour || t.minute || t.second
      ? `${date} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`
      : date;
  }
  if (general) return generalNumber(value as number);
  if (format === '@') return isDate(value) ? displayValue(value, undefined, timeZone) : generalNumber(value);
  const sections = splitSections(format);
  const n = isDate(value) ? value.getTime() : value;
  let section = sections[0] ?? '';
  let negativeSign = true;
  if (!isDate(value) && n < 0 && sections[1] !== undefined) {
    section = sections[1];
    negativeSign = false;
  } else if (!isDate(value) && n === 0 && sections[2] !== undefined) section = sections[2];
  const tokens = tokenize(section);
  const isDateFormat =
    tokens.some((t) => t.kind === 'code' && DATE_CODE.test(t.text)) &&
    !tokens.some((t) => t.kind === 'code' && /[0#?]/.test(t.text));
  if (isDateFormat) {
    const ms = isDate(value) ? value.getTime() : null;
    const wall = ms !== null ? wallTime(ms, ianaZone(timeZone)) : serialWall(value as number);
    return formatWall(tokens, wall);
  }
  return formatNumber(
    tokens,
    isDate(value) ? serialOf(value.getTime(), ianaZone(timeZone)) : value,
    negativeSign,
  );
}

/** The wall time a serial number (days since 1899-12-30) stands for. */
function serialWall(serial: number): WallTime {
  return utcWallTime(Math.round((serial - 25_569) * 86_400_000));
}

/** The serial number of an instant's wall time in the zone. */
function serialOf(ms: number, zone: Zone): number {
  return (ms + zoneOffsetMs(zone, ms)) / 86_400_000 + 25_569;
}
