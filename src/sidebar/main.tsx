/** The sidebar's entry: esbuild.config.mjs bundles this into dist/Sidebar.html. */
import { render } from 'preact';

import { App } from './app';

render(<App />, document.getElementById('app')!);
