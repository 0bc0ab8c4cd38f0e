// Entry point: mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { loadDefaultModel } from './state/prediction-actions';
import './styles.css';

// `npm run bench` drives the real worker through this hook; a separate chunk, loaded only with ?bench.
if (new URLSearchParams(window.location.search).has('bench')) {
  void import('./bench/bench-hook').then((bench) => bench.installBenchHook());
}

// The drawing pad predicts from the first second: the shipped model loads while the page renders (failures show on the pad).
void loadDefaultModel().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
