/** Opening the sidebar: the one HTML file the sidebar build writes to dist/ (Sidebar.html). */
import { runMenuAction } from '../ui';

const SIDEBAR_FILE = 'Sidebar';
const SIDEBAR_TITLE = 'Deal Pipeline';

/** The views the sidebar may open on, besides its first. */
export type StartView = 'import';

/**
 * 3 calls; 4 with a start view, which the sidebar reads from `window.dealPipelineStartView`
 * (appended after its own script, so the sidebar looks for it once it has loaded too).
 */
export function showSidebarFromMenu(view?: StartView): void {
  runMenuAction(() => {
    let html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
    if (view) html = html.append(`<script>window.dealPipelineStartView = ${JSON.stringify(view)};</script>`);
    SpreadsheetApp.getUi().showSidebar(html);
  });
}
