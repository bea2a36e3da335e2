/**
 * The playground's save file, `.playground/workbook.json`: the workbook and everything of the
 * emulator that outlives one execution and that Google keeps too (properties, installed triggers,
 * sent mail, the clock). Caches are left out, as Google may drop them at any time; alerts,
 * dialogs and menus belong to the open page. Written whole to a temporary file and renamed over
 * the old one, so a crash mid-write leaves the previous save, never half of one.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Emulator } from '../emulator';
import type { SentMail } from '../emulator/services';
import { Trigger } from '../emulator/services';
import type { WorkbookJSON } from '../emulator/spreadsheet';

const FORMAT = 'deal-pipeline-playground';
const SAVE_FILE = 'workbook.json';

/** A Trigger's fields, as JSON.stringify writes them. */
type TriggerJSON = {
  [K in keyof Trigger as Trigger[K] extends (...args: never[]) => unknown ? never : K]: Trigger[K];
};

export interface SaveFile {
  format: typeof FORMAT;
  version: 1;
  /** The playground's clock when saved (ms). */
  clock: number;
  /** Who sits at the keyboard. */
  user: string;
  workbook: WorkbookJSON;
  properties: {
    script: Record<string, string>;
    document: Record<string, string>;
    /** By email: the stores of the playground's user and of every trigger's owner. */
    users: Record<string, Record<string, string>>;
  };
  triggers: TriggerJSON[];
  nextTriggerId: number;
  outbox: SentMail[];
}

export function saveFileOf(emulator: Emulator, user: string): SaveFile {
  const { host } = emulator;
  const owners = new Set([user, ...host.triggers.triggers.map((t) => t.owner)]);
  return {
    format: FORMAT,
    version: 1,
    clock: emulator.clock.now(),
    user,
    workbook: emulator.workbook.toJSON(),
    properties: {
      script: host.properties.script.snapshot(),
      document: host.properties.document.snapshot(),
      users: Object.fromEntries([...owners].map((email) => [email, host.properties.user(email).snapshot()])),
    },
    triggers: host.triggers.triggers.map((t) => JSON.parse(JSON.stringify(t)) as TriggerJSON),
    nextTriggerId: host.triggers.nextId,
    outbox: host.mail.outbox.map((mail) => ({ ...mail, attachments: [...mail.attachments] })),
  };
}

/** Puts what a save file holds, but the workbook (the emulator is built with it), into `emulator`. */
export function restoreHost(emulator: Emulator, save: SaveFile): void {
  const { host } = emulator;
  emulator.clock.set(save.clock);
  host.session.setUser(save.user);
  const fill = (store: { map: Map<string, string> }, values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) store.map.set(key, value);
  };
  fill(host.properties.script, save.properties.script);
  fill(host.properties.document, save.properties.document);
  for (const [email, values] of Object.entries(save.properties.users))
    fill(host.properties.user(email), values);
  for (const t of save.triggers) {
    host.triggers.triggers.push(
      new Trigger(
        t.uniqueId,
        t.handlerFunction,
        t.eventType,
        t.source,
        t.sourceId,
        t.owner,
        t.documentId,
        t.createdAt,
        t.timeZone,
        t.schedule,
      ),
    );
  }
  host.triggers.nextId = save.nextTriggerId;
  host.mail.outbox.push(...save.outbox);
}

/** Writes the save atomically: a temporary file beside it, then a rename over the old one. */
export function writeSave(dir: string, save: SaveFile): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, SAVE_FILE);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(save));
  renameSync(temporary, path);
}

/** The save in `dir`, or null when there is none; throws a message naming the file when it cannot be read. */
export function readSave(dir: string): SaveFile | null {
  const path = join(dir, SAVE_FILE);
  if (!existsSync(path)) return null;
  let save: unknown;
  try {
    save = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  const problem = saveProblem(save);
  if (problem) throw new Error(`${path} is not a playground save: ${problem}.`);
  return save as SaveFile;
}

/** Deletes the save, for --reset. */
export function removeSave(dir: string): void {
  rmSync(join(dir, SAVE_FILE), { force: true });
  rmSync(join(dir, `${SAVE_FILE}.tmp`), { force: true });
}

function saveProblem(save: unknown): string | null {
  if (typeof save !== 'object' || save === null) return 'not an object';
  const s = save as Partial<SaveFile>;
  if (s.format !== FORMAT) return `"format" is not "${FORMAT}"`;
  if (s.version !== 1) return `version ${String(s.version)} is not 1`;
  if (typeof s.clock !== 'number' || !Number.isFinite(s.clock)) return '"clock" is not a time';
  if (typeof s.user !== 'string') return '"user" is not an email';
  if (typeof s.workbook !== 'object' || s.workbook === null) return '"workbook" is missing';
  if (typeof s.properties !== 'object' || s.properties === null) return '"properties" is missing';
  if (!Array.isArray(s.triggers) || !Array.isArray(s.outbox)) return '"triggers" or "outbox" is not a list';
  if (typeof s.nextTriggerId !== 'number') return '"nextTriggerId" is not a number';
  return null;
}
