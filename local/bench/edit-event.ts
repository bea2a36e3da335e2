/**
 * The event Sheets passes to onEdit after a user's edit, built apart from the edit itself so the
 * benchmark times the onEdit execution alone (Bundle.edit types and fires in one go). The same
 * shape as load-bundle.ts gives: value and oldValue only for a one-cell edit.
 */
import type { Emulator } from '../emulator';
import { AUTH_MODES } from '../emulator/contexts';
import type { UserEdit } from '../emulator/spreadsheet';

export function editEvent(emulator: Emulator, edit: UserEdit): Record<string, unknown> {
  const { spreadsheet, host } = emulator;
  const event: Record<string, unknown> = {
    authMode: AUTH_MODES['simple-trigger'],
    triggerUid: '',
    source: spreadsheet.scriptSpreadsheet(),
    range: spreadsheet.scriptRange(edit.sheetName, edit.a1),
    user: { getEmail: () => host.session.activeUser },
  };
  if (edit.value !== undefined) event.value = edit.value;
  if (edit.oldValue !== undefined) event.oldValue = edit.oldValue;
  return event;
}
