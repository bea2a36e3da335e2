/**
 * An import's mapping as two small tables — where each source column goes, with a few of its
 * values, and which stage each source stage name becomes, with its count — and the column that
 * tells a deal imported before. Every choice is a native select: keyboard and screen reader work
 * as everywhere else, and each select is named after its row.
 */
import type { ImportPreview, MappingRequest, TargetText } from '../core/import/request';
import { countShown, keptColumns, stageColumn, withTarget } from './import-mapping';

interface MappingProps {
  preview: ImportPreview;
  mapping: MappingRequest;
  /** The stage table's stages, in pipeline order. */
  stages: readonly string[];
  /** A new mapping, and what to say about it ('' for nothing). */
  onChange(mapping: MappingRequest, note: string): void;
}

const selected = (event: Event) => (event.currentTarget as HTMLSelectElement).value;

function ColumnsTable(props: MappingProps) {
  const { preview, mapping } = props;
  const headerOf = (key: TargetText) => preview.fields.find((field) => field.key === key)?.header ?? key;
  function choose(source: string, target: TargetText) {
    const change = withTarget(mapping, source, target);
    props.onChange(
      change.mapping,
      change.displaced === null
        ? ''
        : `${headerOf(target)} now comes from “${source}”; “${change.displaced}” is not imported.`,
    );
  }
  return (
    <table class="mapping block">
      <caption>Columns ({preview.columns.length})</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Goes to</th>
        </tr>
      </thead>
      <tbody>
        {preview.columns.map((column, i) => (
          <tr key={column.source}>
            <th scope="row">
              {column.source}
              <span class="samples">{column.samples.length > 0 ? column.samples.join(' · ') : 'empty'}</span>
            </th>
            <td>
              <label class="visually-hidden" for={`import-column-${i}`}>
                {column.source} goes to
              </label>
              <select
                id={`import-column-${i}`}
                value={mapping.columns[column.source] ?? ''}
                onChange={(event) => choose(column.source, selected(event) as TargetText)}
              >
                <option value="">Don’t import</option>
                <option value="keep">Keep as own column</option>
                <optgroup label="Deals field">
                  {preview.fields.map((field) => (
                    <option key={field.key} value={field.key}>
                      {field.header}
                    </option>
                  ))}
                </optgroup>
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StagesTable(props: MappingProps) {
  const { preview, mapping } = props;
  const column = stageColumn(mapping);
  const previewed = stageColumn(preview.mapping);
  const warning =
    column === null
      ? 'Choose the column that holds the Stage.'
      : column !== previewed
        ? `The stage names below come from “${previewed ?? 'no column'}”, not “${column}”: rows whose stage is not listed will be left out.`
        : '';
  return (
    <>
      <div class="import-warning" aria-live="polite">
        {warning}
      </div>
      {preview.stages.length === 0 ? (
        <p class="gray">No stage names found in “{preview.sheet}”.</p>
      ) : (
        <table class="mapping block">
          <caption>Stages ({preview.stages.length})</caption>
          <thead>
            <tr>
              <th scope="col">Stage in the sheet</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {preview.stages.map((stage, i) => (
              <tr key={stage.source}>
                <th scope="row">
                  {stage.source}
                  <span class="samples">{countShown(stage.count, 'row')}</span>
                </th>
                <td>
                  <label class="visually-hidden" for={`import-stage-${i}`}>
                    {stage.source} becomes
                  </label>
                  <select
                    id={`import-stage-${i}`}
                    value={mapping.stages[stage.source] ?? ''}
                    onChange={(event) =>
                      props.onChange(
                        { ...mapping, stages: { ...mapping.stages, [stage.source]: selected(event) } },
                        '',
                      )
                    }
                  >
                    {props.stages.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                    <option value="">Leave out</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function SourceId(props: MappingProps) {
  const { mapping } = props;
  return (
    <div class="form-group">
      <label for="import-source-id">Column that identifies a deal</label>
      <select
        id="import-source-id"
        value={mapping.sourceId}
        aria-describedby="import-source-id-hint"
        onChange={(event) => props.onChange({ ...mapping, sourceId: selected(event) }, '')}
      >
        <option value="">None: each row’s content</option>
        {keptColumns(mapping).map((source) => (
          <option key={source} value={source}>
            {source}
          </option>
        ))}
      </select>
      <div id="import-source-id-hint" class="hint">
        A deal imported before is skipped, so importing this sheet again adds only new deals. Any kept column
        can identify deals.
      </div>
    </div>
  );
}

export function ImportMapping(props: MappingProps) {
  return (
    <>
      <ColumnsTable {...props} />
      <StagesTable {...props} />
      <SourceId {...props} />
    </>
  );
}
