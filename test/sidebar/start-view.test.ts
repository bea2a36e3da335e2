import { afterEach, describe, expect, it } from 'vitest';

import { onStartView } from '../../src/sidebar/start-view';

/** The sidebar page's global object, as the appended script sees it (window). */
const page = globalThis as { dealPipelineStartView?: unknown };

afterEach(() => {
  delete page.dealPipelineStartView;
});

function shownAfter(before: () => void, after: () => void): string[] {
  const shown: string[] = [];
  before();
  onStartView((view) => shown.push(view));
  after();
  return shown;
}

describe('the view the sidebar opens on', () => {
  it('is the one set before the app asked', () => {
    const shown = shownAfter(
      () => (page.dealPipelineStartView = 'import'),
      () => {},
    );
    expect(shown).toEqual(['import']);
    expect(page.dealPipelineStartView).toBe('import');
  });

  it('is the one set after the app asked, as the appended script sets it', () => {
    const shown = shownAfter(
      () => {},
      () => (page.dealPipelineStartView = 'import'),
    );
    expect(shown).toEqual(['import']);
    expect(page.dealPipelineStartView).toBe('import');
  });

  it('is none when nothing, or something other than a name, is set', () => {
    const shown = shownAfter(
      () => (page.dealPipelineStartView = 42),
      () => (page.dealPipelineStartView = null),
    );
    expect(shown).toEqual([]);
  });
});
