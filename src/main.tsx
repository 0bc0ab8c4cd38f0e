// Entry point: mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { resumeOfflineSupport } from './state/app-update-actions';
import { startReading } from './state/prediction-actions';
import './styles.css';

// `npm run bench` drives the real worker through this hook; a separate chunk, loaded only with ?bench.
if (new URLSearchParams(window.location.search).has('bench')) {
  void import('./bench/bench-hook').then((bench) => bench.installBenchHook());
}

// The drawing pad predicts from the first second: the chosen shipped network (only that one) loads while the page
// renders (failures show on the pad).
void startReading().catch(() => undefined);
// A first visit registers the service worker after its first prediction; a returning one at once.
resumeOfflineSupport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
