/**
 * The menu bar: File with the two reference files as one-click imports, and Extensions with the
 * add-on's menu exactly as onOpen built it (every item, separators and submenus). A menu opens
 * on click, a submenu on hover or click; Escape or a click elsewhere closes it.
 */
import { useEffect, useState } from 'preact/hooks';

import type { MenuItemView, MenuView } from './contract';

interface MenuBarProps {
  addonMenu: MenuView | null;
  referenceFiles: string[];
  onRun: (functionName: string) => void;
  onImport: (file: string) => void;
}

type Open = 'file' | 'extensions' | null;

export function MenuBar({ addonMenu, referenceFiles, onRun, onImport }: MenuBarProps) {
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && (event.target as Element).closest('.menubar')) return;
      setOpen(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const choose = (action: () => void) => {
    setOpen(null);
    action();
  };
  const top = (id: Exclude<Open, null>, caption: string) => (
    <button
      type="button"
      class={open === id ? 'menubar-item open' : 'menubar-item'}
      role="menuitem"
      aria-haspopup="menu"
      aria-expanded={open === id}
      onClick={() => setOpen(open === id ? null : id)}
    >
      {caption}
    </button>
  );
  return (
    <nav class="menubar" role="menubar" aria-label="Menu bar">
      <div class="menubar-slot">
        {top('file', 'File')}
        {open === 'file' && (
          <ul class="menu" role="menu" aria-label="File">
            <li class="menu-heading" role="presentation">
              Import a reference file (as File › Import, then Import deals)
            </li>
            {referenceFiles.map((file) => (
              <li key={file} role="none">
                <button type="button" role="menuitem" onClick={() => choose(() => onImport(file))}>
                  Import {file}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="menubar-slot">
        {top('extensions', 'Extensions')}
        {open === 'extensions' && (
          <ul class="menu" role="menu" aria-label="Extensions">
            {addonMenu ? (
              <Submenu menu={addonMenu} onRun={(name) => choose(() => onRun(name))} />
            ) : (
              <li class="menu-heading" role="presentation">
                The add-on added no menu (onOpen did not run or failed).
              </li>
            )}
          </ul>
        )}
      </div>
    </nav>
  );
}

function Submenu({ menu, onRun }: { menu: MenuView; onRun: (functionName: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <li
      role="none"
      class="has-submenu"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        role="menuitem"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {menu.caption} <span class="arrow">›</span>
      </button>
      {open && (
        <ul class="menu submenu" role="menu" aria-label={menu.caption}>
          {menu.items.map((item, i) => (
            <MenuEntry key={i} item={item} onRun={onRun} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MenuEntry({ item, onRun }: { item: MenuItemView; onRun: (functionName: string) => void }) {
  if ('separator' in item) return <li role="separator" class="separator" />;
  if ('submenu' in item) return <Submenu menu={item.submenu} onRun={onRun} />;
  return (
    <li role="none">
      <button type="button" role="menuitem" onClick={() => onRun(item.functionName)}>
        {item.caption}
      </button>
    </li>
  );
}
