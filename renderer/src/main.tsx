import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBridge } from './bridge/install-bridge';
import { BridgeMissing } from './components/BridgeMissing';
import { setupI18n } from './i18n/setup';
import { Shell } from './Shell';

const root = createRoot(document.getElementById('root') as HTMLElement);
await setupI18n();
const bridge = await installBridge();
root.render(<StrictMode>{'api' in bridge ? <Shell><App /></Shell> : <Shell><BridgeMissing reason={bridge.missing} /></Shell>}</StrictMode>);
