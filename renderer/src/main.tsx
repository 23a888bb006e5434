import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBridge } from './bridge/install-bridge';
import { BridgeMissing } from './components/BridgeMissing';
import { setupI18n } from './i18n/setup';
import { Shell } from './Shell';

const root = createRoot(document.getElementById('root') as HTMLElement);
await setupI18n();
const api = await installBridge();
root.render(<StrictMode>{api ? <Shell><App /></Shell> : <Shell><BridgeMissing /></Shell>}</StrictMode>);
