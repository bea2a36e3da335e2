/** The playground page's entry: the server bundles this with esbuild when it starts. */
import { render } from 'preact';

import { App } from './app';

render(<App />, document.getElementById('app')!);
