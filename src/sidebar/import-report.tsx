/**
 * What an import did. One sentence is announced (polite, so it waits for the reader); the rows
 * left out, the columns added and how deals are matched follow as plain text to read at will.
 */
import type { ImportReport as Report } from '../core/import/request';
import { countShown, REJECTED_LISTED, reportSummary } from './import-mapping';

export const REPORT_TITLE_ID = 'import-report-title';

export function ImportReport(props: { report: Report | null }) {
  const { report } = props;
  const listed = report?.rejected.slice(0, REJECTED_LISTED) ?? [];
  const more = (report?.rejected.length ?? 0) - listed.length;
  return (
    <section class="import-report" aria-labelledby={report ? REPORT_TITLE_ID : undefined}>
      {report && (
        <h3 id={REPORT_TITLE_ID} tabIndex={-1}>
          Import report
        </h3>
      )}
      {/* Always there, so the summary is announced when it appears. */}
      <div class="status block" role="status">
        {report && reportSummary(report)}
      </div>
      {report && (
        <>
          {listed.length > 0 && (
            <div class="block">
              <h4 class="label">Rows left out</h4>
              <ul class="rejected">
                {listed.map((rejected) => (
                  <li key={rejected.row}>
                    Row {rejected.row}: {rejected.reason}
                  </li>
                ))}
              </ul>
              {more > 0 && <p class="gray">…and {countShown(more, 'more row')} left out.</p>}
            </div>
          )}
          {report.columnsAdded.length > 0 && <p>Columns added to Deals: {report.columnsAdded.join(', ')}.</p>}
          <p class="gray">
            A deal imported before is recognised by {report.matchedBy}, so importing this sheet again adds
            only new deals.
          </p>
        </>
      )}
    </section>
  );
}
