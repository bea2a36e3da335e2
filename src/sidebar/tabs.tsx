/**
 * The views as a tablist (WAI-ARIA tabs pattern): one tab stop for the list, arrow keys and
 * Home/End move between tabs and show each at once, every panel stays mounted (hidden) so a
 * half-typed form survives a look at another view.
 */
import type { ComponentChildren } from 'preact';

interface Tab {
  id: string;
  label: string;
  /** A count shown beside the label, such as the follow-ups due. */
  count?: number;
}

export function TabList(props: { tabs: readonly Tab[]; selected: string; onSelect(id: string): void }) {
  const { tabs, selected } = props;
  function onKeyDown(event: KeyboardEvent) {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const tab = tabs[to];
    if (!tab) return;
    event.preventDefault();
    props.onSelect(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Deal Pipeline" class="tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          class="tab"
          aria-selected={tab.id === selected}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => props.onSelect(tab.id)}
        >
          {tab.label}
          {tab.count ? <span class="badge">{tab.count}</span> : null}
        </button>
      ))}
    </div>
  );
}

export function TabPanel(props: { id: string; selected: boolean; children: ComponentChildren }) {
  return (
    <div
      role="tabpanel"
      id={`panel-${props.id}`}
      aria-labelledby={`tab-${props.id}`}
      hidden={!props.selected}
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}
