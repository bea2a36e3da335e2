/**
 * `npm start`: the add-on on a machine with no Google account. Loads the built bundle (dist/)
 * into the emulator, opens a new workbook holding a few deals typed the way a team would before
 * installing Deal Pipeline, runs onOpen and "Set up sheets", and prints what a user would see.
 */
import { createEmulator } from './emulator';
import { loadBundle } from './emulator/load-bundle';
import { formatMenu, printWorkbook } from './print-workbook';
import { SAMPLE_HEADERS, SAMPLE_ROWS } from './sample-deals';

const emulator = createEmulator({ timeZone: 'America/Los_Angeles', spreadsheetName: 'Team pipeline' });
emulator.workbook.renameSheet(emulator.workbook.sheet('Sheet1'), 'Deals');
emulator.workbook.userSetValues('Deals', 'A1', [[...SAMPLE_HEADERS], ...SAMPLE_ROWS.map((row) => [...row])]);

const addon = loadBundle(emulator);
addon.run('onOpen', { authMode: 'LIMITED' });
console.log('Add-on menu:');
console.log(formatMenu(emulator.host.ui.addonMenu));
console.log('\nDeal Pipeline › Set up sheets');
addon.run('setUpSheets');
for (const alert of emulator.host.ui.alerts) console.log(alert.prompt.replace(/^/gm, '  '));
console.log('');
console.log(printWorkbook(emulator));
