/**
 * Import: another sheet of this spreadsheet appended to Deals. Preview asks the server for its
 * proposed mapping (nothing is written); the person corrects it in two small tables; Import sends
 * the corrected mapping and shows the report. The server's messages show as given, at the top.
 * The sheet names are asked for each time the view is shown: a CSV may have come in since.
 */
import { useEffect, useState } from 'preact/hooks';

import type { ImportPreview, ImportReport as Report, MappingRequest } from '../core/import/request';
import type { SidebarData } from '../core/sidebar/contract';
import { countShown } from './import-mapping';
import { ImportReport, REPORT_TITLE_ID } from './import-report';
import { ImportMapping } from './import-tables';
import { failureMessage, server } from './server';
import { focusLater } from './use-deal-form';

const ID = 'import';
const ALERT_ID = `${ID}-alert`;
const SHEET_ID = `${ID}-sheet`;
const MAPPING_TITLE_ID = `${ID}-mapping-title`;

export function ImportDeals(props: { data: SidebarData; shown: boolean; onImported(): void }) {
  const [sheet, setSheet] = useState('');
  const [sheets, setSheets] = useState<string[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<MappingRequest | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'' | 'preview' | 'import'>('');
  const [alert, setAlert] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!props.shown) return;
    server.listImportSheets().then(
      (names) => {
        setSheets(names);
        // One sheet to import from is the one a person would pick, unless they are typing.
        if (names.length === 1 && document.activeElement?.id !== SHEET_ID)
          setSheet((typed) => typed || names[0]!);
      },
      (failure: unknown) => setAlert(failureMessage(failure)),
    );
  }, [props.shown]);

  function failed(failure: unknown) {
    setAlert(failureMessage(failure));
    // The alert is at the top, maybe scrolled away from the button that was pressed.
    focusLater(ALERT_ID);
  }

  async function previewSheet(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy('preview');
    setAlert('');
    setNote('');
    setReport(null);
    try {
      const proposed = await server.previewImport(sheet);
      setPreview(proposed);
      setMapping(proposed.mapping);
      focusLater(MAPPING_TITLE_ID);
    } catch (failure) {
      // A mapping shown under another sheet's name would import that other sheet.
      setPreview(null);
      setMapping(null);
      failed(failure);
    } finally {
      setBusy('');
    }
  }

  async function importSheet() {
    if (busy || !preview || !mapping) return;
    setBusy('import');
    setAlert('');
    setNote('');
    setReport(null);
    try {
      setReport(await server.importDeals(preview.sheet, mapping));
      focusLater(REPORT_TITLE_ID);
      props.onImported();
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy('');
    }
  }

  return (
    <div>
      <h2>Import deals</h2>
      <div id={ALERT_ID} class="alert block" role="alert" tabIndex={-1}>
        {alert}
      </div>
      <form onSubmit={previewSheet} noValidate>
        <p class="gray">
          Bring in deals from another sheet of this spreadsheet, such as a CSV added with File › Import.
          Preview writes nothing.
        </p>
        <div class="form-group">
          <label for={SHEET_ID}>Sheet to import from</label>
          <input
            id={SHEET_ID}
            type="text"
            value={sheet}
            list={`${ID}-sheets`}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setSheet(event.currentTarget.value)}
          />
          <datalist id={`${ID}-sheets`}>
            {sheets.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <button type="submit" class={preview ? '' : 'action'} disabled={busy !== ''}>
          {busy === 'preview' ? 'Reading…' : 'Preview'}
        </button>
      </form>
      {preview && mapping && (
        <section class="import-mapping" aria-labelledby={MAPPING_TITLE_ID}>
          <h3 id={MAPPING_TITLE_ID} tabIndex={-1}>
            “{preview.sheet}”: {countShown(preview.rows, 'row')} with data
          </h3>
          <p class="gray">Correct what goes where, then import.</p>
          <ImportMapping
            preview={preview}
            mapping={mapping}
            stages={props.data.stages.map((stage) => stage.name)}
            onChange={(next, said) => {
              setMapping(next);
              setNote(said);
            }}
          />
          <div class="notice block" role="status">
            {note}
          </div>
          <button type="button" class="action block" disabled={busy !== ''} onClick={importSheet}>
            {busy === 'import' ? 'Importing…' : `Import from “${preview.sheet}”`}
          </button>
        </section>
      )}
      <ImportReport report={report} />
    </div>
  );
}
