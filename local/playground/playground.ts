/**
 * The playground's state: one emulator running the built bundle, and what a person can do to it
 * in the browser — open the spreadsheet, type or paste, pick a menu item, use the sidebar, let
 * time pass, run a trigger, import a reference file. Each action runs the bundle exactly where
 * Google runs it (an edit fires onEdit as a simple trigger, a clock trigger's handler runs as an
 * add-on's clock trigger), and is then saved (save-file.ts).
 *
 * The clock: the playground's time runs with the real time while the server runs and stops when
 * it stops; "next day" moves it a day on. Clock triggers fire as it passes their time.
 */
import type { Emulator } from '../emulator';
import { createEmulator } from '../emulator';
import type { Bundle } from '../emulator/load-bundle';
import { loadBundle } from '../emulator/load-bundle';
import { readCsv, REFERENCE_FILES } from '../reference-files';
import { scriptCallHandler } from '../sidebar-shim';
import { messageOf, RequestError } from './errors';
import { a1Of } from './page/a1';
import { readSave, removeSave, restoreHost, saveFileOf, writeSave } from './save-file';
import { PLAYGROUND_USER, seedTeamPipeline } from './seed';

const DAY = 86_400_000;
/** A paste bigger than this many cells is refused: far more than anyone pastes by hand. */
const MAX_EDIT_CELLS = 100_000;
/** Sheets' last column is ZZZ (18,278); rows are capped at a million to keep a sheet in memory. */
const MAX_COLUMNS = 18_278;
const MAX_ROWS = 1_000_000;

/** The handler of an editor add-on's clock trigger runs with no document open (contexts.ts). */
const CLOCK_TRIGGER = 'addon-clock-trigger';

export interface PlaygroundOptions {
  /** Where the save file lives. */
  dir: string;
  /** The built add-on; default dist. */
  distDir?: string;
  /** Start over: forget the save and seed a new workbook. */
  reset?: boolean;
  /** The real time (ms); tests pass their own. */
  realNow?: () => number;
  /** A new spreadsheet's time zone; default the machine's, as Sheets takes its creator's. */
  timeZone?: string;
}

/** What a bundle function returned, or the error it let escape (the page shows it as Sheets would). */
export interface Outcome {
  result?: unknown;
  scriptError?: string;
}

export class Playground {
  /** Goes up with every saved change, so a page knows to read again. */
  version = 0;
  private offset: number;
  /** What the last save held, but the clock. */
  private saved = '';

  private constructor(
    readonly emulator: Emulator,
    readonly addon: Bundle,
    private readonly options: PlaygroundOptions,
  ) {
    this.offset = emulator.clock.now() - this.realNow();
  }

  /** Loads the save in `options.dir`, or seeds a new workbook; either way saved as it stands. */
  static open(options: PlaygroundOptions): Playground {
    if (options.reset) removeSave(options.dir);
    const save = readSave(options.dir);
    const realNow = options.realNow ?? Date.now;
    let emulator: Emulator;
    try {
      emulator = createEmulator({
        now: save?.clock ?? realNow(),
        timeZone: options.timeZone ?? localTimeZone(),
        user: save?.user ?? PLAYGROUND_USER,
        spreadsheetName: 'Team pipeline',
        distDir: options.distDir,
        workbook: save?.workbook,
      });
    } catch (error) {
      throw new Error(`The saved workbook in ${options.dir} cannot be loaded: ${messageOf(error)}`, {
        cause: error,
      });
    }
    const addon = loadBundle(emulator, {
      distDir: options.distDir,
      contexts: { sendDailyReminders: CLOCK_TRIGGER },
    });
    if (save) restoreHost(emulator, save);
    else {
      emulator.workbook.renameSheet(emulator.workbook.sheet('Sheet1'), 'Deals');
      seedTeamPipeline(emulator, addon, realNow());
    }
    const playground = new Playground(emulator, addon, options);
    playground.save();
    return playground;
  }

  get user(): string {
    return this.emulator.host.session.effectiveUser;
  }

  /**
   * Saves what changed since the last save, and then counts a new version: a request that
   * changed nothing (a sidebar's search, a menu item that only reports) writes nothing. The
   * clock alone is no change: it moves with every request.
   */
  save(): void {
    const save = saveFileOf(this.emulator, this.user);
    const content = JSON.stringify({ ...save, clock: 0 });
    if (content === this.saved) return;
    writeSave(this.options.dir, save);
    this.saved = content;
    this.version++;
  }

  /**
   * Brings the clock up to the real time, firing each clock trigger whose time passes, at its
   * time. Says whether any fired (then there is something to save).
   */
  tick(): boolean {
    return this.advanceTo(this.realNow() + this.offset);
  }

  /** The spreadsheet is opened (a page load): menus go, and onOpen runs as the simple trigger. */
  openSpreadsheet(): Outcome {
    this.emulator.host.ui.reload();
    return this.attempt(() => this.addon.run('onOpen', { authMode: 'LIMITED' }));
  }

  /**
   * Types into one cell or pastes a block at (row, column), then fires onEdit as Sheets does: with
   * value and oldValue for one cell only.
   */
  edit(sheetName: string, row: number, column: number, values: string[][]): Outcome {
    const sheet = this.sheet(sheetName);
    const cells = values.length * (values[0]?.length ?? 0);
    if (cells > MAX_EDIT_CELLS) {
      throw new RequestError(413, `A paste of ${cells} cells is more than the ${MAX_EDIT_CELLS} allowed.`);
    }
    if (row + values.length - 1 > MAX_ROWS || column + (values[0]?.length ?? 0) - 1 > MAX_COLUMNS) {
      throw new RequestError(400, 'The edit reaches past the last row or column a sheet can have.');
    }
    return this.attempt(() => this.addon.edit(sheet.name, a1Of(row, column), values));
  }

  /** Picks an item of the add-on menu. */
  runMenuItem(functionName: string): Outcome {
    const items = menuFunctions(this.emulator);
    if (!items.includes(functionName)) {
      throw new RequestError(404, `The add-on menu has no item that runs ${functionName}.`);
    }
    return this.attempt(() => this.addon.run(functionName));
  }

  /** One google.script.run call from a sidebar or dialog: the result's JSON text, or the failure's message. */
  scriptRun(name: string, args: unknown[]): { success: string | undefined } | { failure: string } {
    if (!this.addon.functionNames().includes(name)) {
      throw new RequestError(404, `The add-on has no top-level function ${name}.`);
    }
    const log = { calls: [], refused: [] };
    try {
      return { success: scriptCallHandler(this.addon, log)(name, args) };
    } catch (error) {
      return { failure: messageOf(error) };
    } finally {
      for (const refused of log.refused) console.error(refused);
    }
  }

  /** Moves the clock a day on, firing what comes due on the way. */
  nextDay(): void {
    this.offset += DAY;
    this.tick();
  }

  /** Runs an installed clock trigger now, as it runs at its time. */
  runTrigger(uniqueId: string): Outcome {
    const trigger = this.emulator.host.triggers.triggers.find((t) => t.uniqueId === uniqueId);
    if (!trigger?.schedule) throw new RequestError(404, `There is no clock trigger with ID ${uniqueId}.`);
    return this.attempt(() =>
      this.addon.runIn(CLOCK_TRIGGER, trigger.handlerFunction, { authMode: 'FULL', triggerUid: uniqueId }),
    );
  }

  /**
   * A reference file brought in as File › Import does (a new sheet named after the file, each
   * cell parsed as if typed), then the add-on's importDeals on it. A second click imports the
   * sheet already there again, which the add-on recognises.
   */
  importReferenceFile(file: string): Outcome {
    if (!(REFERENCE_FILES as readonly string[]).includes(file)) {
      throw new RequestError(404, `No reference file ${file}; there are ${REFERENCE_FILES.join(' and ')}.`);
    }
    const sheetName = file.replace(/\.csv$/, '');
    const { workbook } = this.emulator;
    if (!workbook.findSheet(sheetName)) {
      const rows = readCsv(file);
      const width = Math.max(...rows.map((line) => line.length));
      workbook.addSheet(sheetName);
      workbook.userSetValues(
        sheetName,
        'A1',
        rows.map((line) => [...line, ...Array<string>(width - line.length).fill('')]),
      );
    }
    return this.attempt(() => this.addon.run('importDeals', sheetName));
  }

  /** The model of a sheet the request names; 404 when there is none. */
  sheet(name: string) {
    const sheet = this.emulator.workbook.findSheet(name);
    if (!sheet) throw new RequestError(404, `There is no sheet named "${name}".`);
    return sheet;
  }

  private realNow(): number {
    return (this.options.realNow ?? Date.now)();
  }

  private advanceTo(target: number): boolean {
    const { clock, host } = this.emulator;
    const from = clock.now();
    if (target <= from) return false;
    const due = host.triggers.dueTimeTriggers(from + 1, target + 1);
    for (const trigger of due) {
      clock.set(trigger.at);
      const outcome = this.attempt(() =>
        this.addon.runIn(CLOCK_TRIGGER, trigger.handlerFunction, {
          authMode: 'FULL',
          triggerUid: trigger.triggerId,
        }),
      );
      if (outcome.scriptError) console.error(`${trigger.handlerFunction} failed: ${outcome.scriptError}`);
    }
    clock.set(target);
    return due.length > 0;
  }

  /** Runs bundle code; an error it lets escape is what Sheets would show, not a crash of ours. */
  private attempt(run: () => unknown): Outcome {
    try {
      return { result: run() };
    } catch (error) {
      return { scriptError: messageOf(error) };
    }
  }
}

/** The function of every item of the add-on menu, submenus included. */
function menuFunctions(emulator: Emulator): string[] {
  const found: string[] = [];
  const walk = (items: NonNullable<Emulator['host']['ui']['addonMenu']>['items']) => {
    for (const item of items) {
      if ('functionName' in item) found.push(item.functionName);
      else if ('submenu' in item) walk(item.submenu.items);
    }
  };
  walk(emulator.host.ui.addonMenu?.items ?? []);
  return found;
}

/** The machine's time zone, which a new spreadsheet takes from its creator's settings. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';
}
