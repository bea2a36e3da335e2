/**
 * The view the sidebar opens on. "Import deals" serves the same Sidebar.html with
 * `<script>window.dealPipelineStartView = "import"</script>` appended (src/server/sidebar/show.ts).
 * That script usually runs after the app has rendered, but may run before it asks: so the value
 * is read when asked, and a setter on the page's global object (window) hears it when it comes
 * later.
 */
interface Page {
  dealPipelineStartView?: unknown;
}

/** Calls `show` with the start view now if it is set, and whenever it is set from now on. */
export function onStartView(show: (view: string) => void): void {
  const page = globalThis as Page;
  let view = page.dealPipelineStartView;
  if (typeof view === 'string') show(view);
  Object.defineProperty(page, 'dealPipelineStartView', {
    configurable: true,
    get: () => view,
    set(value: unknown) {
      view = value;
      if (typeof value === 'string') show(value);
    },
  });
}
