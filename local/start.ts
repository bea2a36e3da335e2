/**
 * `npm start`: the add-on on a machine with no Google account. By default it serves the
 * playground (local/playground/): the built bundle (dist/) in the emulator, behind a page that
 * behaves like the spreadsheet with the add-on installed, saved in .playground/ after every change.
 * `--demo` instead walks through what a user would do in a new workbook holding a few deals typed
 * the way a team would before installing Deal Pipeline — open it, Set up sheets, move deals (one
 * move the rules refuse), Validate all deals, Refresh summary — printing what they would see.
 */
import { resolve } from 'node:path';

import { createEmulator } from './emulator';
import { loadBundle } from './emulator/load-bundle';
import type { StartOptions } from './playground/options';
import { parseOptions, USAGE } from './playground/options';
import { startPlayground } from './playground/server';
import { formatMenu, printWorkbook } from './print-workbook';
import { SAMPLE_HEADERS, SAMPLE_ROWS } from './sample-deals';

const ROOT = resolve(import.meta.dirname, '..');

function walkthrough(): void {
  const emulator = createEmulator({
    now: new Date(),
    timeZone: 'America/Los_Angeles',
    spreadsheetName: 'Team pipeline',
    distDir: resolve(ROOT, 'dist'),
  });
  emulator.workbook.renameSheet(emulator.workbook.sheet('Sheet1'), 'Deals');
  emulator.workbook.userSetValues('Deals', 'A1', [
    [...SAMPLE_HEADERS],
    ...SAMPLE_ROWS.map((row) => [...row]),
  ]);
  const addon = loadBundle(emulator, { distDir: resolve(ROOT, 'dist') });

  const step = (title: string) => console.log(`\n━━ ${title}`);
  const indent = (text: string) => text.replace(/^/gm, '  ');
  let toastsSeen = 0;
  const newToasts = () => {
    const toasts = emulator.workbook.toasts.slice(toastsSeen);
    toastsSeen = emulator.workbook.toasts.length;
    for (const toast of toasts) console.log(indent(`[toast] ${toast.message}`));
  };
  const stageCell = (deal: string) => {
    const values = emulator.workbook.values('Deals');
    const header = values[0] ?? [];
    const row = values.findIndex((cells) => cells[header.indexOf('Deal')] === deal) + 1;
    return `${String.fromCharCode(65 + header.indexOf('Stage'))}${row}`;
  };

  step('Open the spreadsheet: the add-on menu');
  addon.run('onOpen', { authMode: 'LIMITED' });
  console.log(formatMenu(emulator.host.ui.addonMenu));

  step('Deal Pipeline › Set up sheets');
  addon.run('setUpSheets');
  console.log(indent(emulator.host.ui.alerts.at(-1)?.prompt ?? ''));

  step('Type a move the rules allow: "Fleet tablets" Qualified → Proposal');
  addon.edit('Deals', stageCell('Fleet tablets'), [['Proposal']]);
  newToasts();
  step('Type a move the rules refuse: "Kiosk pilot" Lead → Closed Won');
  addon.edit('Deals', stageCell('Kiosk pilot'), [['Closed Won']]);
  newToasts();

  step('Deal Pipeline › Validate all deals');
  const report = addon.run('validateAllDeals') as {
    deals: number;
    withErrors: number;
    withWarnings: number;
    problems: { message: string }[];
  };
  console.log(
    indent(`${report.deals} deals, ${report.withErrors} with errors, ${report.withWarnings} with warnings`),
  );
  for (const problem of report.problems) console.log(indent(`• ${problem.message}`));

  step('Deal Pipeline › Refresh summary');
  addon.run('refreshSummary');
  newToasts();

  step('Deal Pipeline › Turn on daily reminders');
  addon.run('installReminderTrigger');
  console.log(indent(emulator.host.ui.alerts.at(-1)?.prompt ?? ''));

  step('Deal Pipeline › Send reminders now');
  addon.run('sendRemindersNow');
  console.log(indent(emulator.host.ui.alerts.at(-1)?.prompt ?? ''));
  for (const mail of emulator.host.mail.outbox) {
    console.log(indent(`✉ to ${mail.to}: ${mail.subject}`));
    console.log(indent(indent(mail.body.split('\n').slice(0, 6).join('\n'))));
  }

  step('The workbook');
  console.log(printWorkbook(emulator));
}

async function serve(options: StartOptions): Promise<void> {
  const dir = options.dir === undefined ? resolve(ROOT, '.playground') : resolve(options.dir);
  const running = await startPlayground({
    port: options.port,
    reset: options.reset,
    dir,
    distDir: resolve(ROOT, 'dist'),
  });
  console.log(`Deal Pipeline playground: ${running.url}`);
  console.log(`Saved after every change in ${dir}; Ctrl+C to stop, npm start -- --reset to start over.`);
  process.once('SIGINT', () => void running.close().then(() => process.exit(0)));
}

function main(): void {
  let options: StartOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) console.log(USAGE);
  else if (options.demo) walkthrough();
  else {
    serve(options).catch((error: NodeJS.ErrnoException) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `Port ${options.port} is in use: npm start -- --port N picks another (0: any free one).`
          : `The playground could not start: ${error.message}\nnpm start -- --reset starts over.`,
      );
      process.exit(1);
    });
  }
}

main();
