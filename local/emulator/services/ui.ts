/**
 * Ui (what SpreadsheetApp.getUi() returns) and Menu. Menus, dialogs and sidebars are recorded in
 * the host; alert/prompt answers come from queues the test fills. With nothing queued, an alert or
 * prompt answers with the first button of its set (OK, or YES for YES_NO / YES_NO_CANCEL) and a
 * prompt's text is ''. CLOSE (the user closed the dialog) may be queued for any button set.
 */
import { HtmlOutput } from './html-service.js';
import { type ServiceContext, signatureError } from './internal.js';

const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});
const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuTree };
export interface MenuTree {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}
export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttonSet: string;
  button: string;
  responseText?: string;
  at: number;
}
export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  output: HtmlOutput;
  at: number;
}

export class UiHost {
  /** Menus added with addToUi(), latest version of each caption. */
  readonly menus: MenuTree[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alertAnswers: string[] = [];
  readonly promptAnswers: { button?: string; text?: string }[] = [];

  constructor(public addonName: string) {}

  queueAlert(...buttons: string[]): void {
    this.alertAnswers.push(...buttons);
  }
  queuePrompt(...answers: { button?: string; text?: string }[]): void {
    this.promptAnswers.push(...answers);
  }
  /** The last sidebar shown, if any. */
  get sidebar(): DialogRecord | undefined {
    return this.dialogs.filter((d) => d.kind === 'sidebar').at(-1);
  }
  /** The add-on menu (createAddonMenu), if added. */
  get addonMenu(): MenuTree | undefined {
    return this.menus.find((m) => m.addon);
  }
  /** A new page load: menus go away, records stay. */
  reload(): void {
    this.menus.length = 0;
  }
}

export class Menu {
  readonly items: ({ caption: string; functionName: string } | { separator: true } | { submenu: Menu })[] =
    [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: UiHost,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError(this.ctx, 'Menu.addItem', [caption, functionName]);
    }
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): this {
    const raw = this.ctx.tracker.raw(menu, Menu);
    if (!raw) throw signatureError(this.ctx, 'Menu.addSubMenu', [menu]);
    this.items.push({ submenu: raw });
    return this;
  }
  tree(): MenuTree {
    return {
      caption: this.caption,
      addon: this.addon,
      items: this.items.map((i) => ('submenu' in i ? { submenu: i.submenu.tree() } : { ...i })),
    };
  }
  addToUi(): void {
    const tree = this.tree();
    const at = this.host.menus.findIndex((m) => m.addon === tree.addon && m.caption === tree.caption);
    if (at >= 0) this.host.menus[at] = tree;
    else this.host.menus.push(tree);
  }
}

export class PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: UiHost,
  ) {}

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureError(this.ctx, 'Ui.createMenu', [caption]);
    return this.ctx.tracker.track(new Menu(this.ctx, this.host, caption, false), 'Menu');
  }
  createAddonMenu(): Menu {
    return this.ctx.tracker.track(new Menu(this.ctx, this.host, this.host.addonName, true), 'Menu');
  }

  #dialogArgs(method: string, args: unknown[]): { title: string; prompt: string; buttonSet: string } {
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttonSet: 'OK' };
    if (args.length === 2 && typeof a === 'string' && typeof b === 'string' && b in BUTTONS) {
      return { title: '', prompt: a, buttonSet: b };
    }
    if (
      args.length === 3 &&
      typeof a === 'string' &&
      typeof b === 'string' &&
      typeof c === 'string' &&
      c in BUTTONS
    ) {
      return { title: a, prompt: b, buttonSet: c };
    }
    throw signatureError(this.ctx, method, args);
  }

  #answer(queued: string | undefined, buttonSet: string): string {
    const allowed = BUTTONS[buttonSet] ?? ['OK'];
    const button = queued ?? allowed[0] ?? 'OK';
    if (button !== Button.CLOSE && !allowed.includes(button)) {
      throw new Error(`Emulator: queued answer ${button} is not a button of ${buttonSet}`);
    }
    return button;
  }

  alert(...args: unknown[]): string {
    const { title, prompt, buttonSet } = this.#dialogArgs('Ui.alert', args);
    const button = this.#answer(this.host.alertAnswers.shift(), buttonSet);
    this.host.alerts.push({ kind: 'alert', title, prompt, buttonSet, button, at: this.ctx.clock.now() });
    return button;
  }

  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttonSet } = this.#dialogArgs('Ui.prompt', args);
    const queued = this.host.promptAnswers.shift();
    const button = this.#answer(queued?.button, buttonSet);
    const responseText = queued?.text ?? '';
    this.host.alerts.push({
      kind: 'prompt',
      title,
      prompt,
      buttonSet,
      button,
      responseText,
      at: this.ctx.clock.now(),
    });
    return this.ctx.tracker.track(new PromptResponse(responseText, button), 'PromptResponse');
  }

  #show(kind: DialogRecord['kind'], method: string, output: unknown, title?: unknown): void {
    const raw = this.ctx.tracker.raw(output, HtmlOutput);
    if (!raw || (kind !== 'sidebar' && typeof title !== 'string')) {
      throw signatureError(this.ctx, method, kind === 'sidebar' ? [output] : [output, title]);
    }
    this.host.dialogs.push({
      kind,
      title: kind === 'sidebar' ? raw.title : String(title),
      html: raw.content,
      width: raw.width,
      height: raw.height,
      output: raw,
      at: this.ctx.clock.now(),
    });
  }

  showSidebar(userInterface: unknown): void {
    this.#show('sidebar', 'Ui.showSidebar', userInterface);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.#show('modal', 'Ui.showModalDialog', userInterface, title);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.#show('modeless', 'Ui.showModelessDialog', userInterface, title);
  }
}
