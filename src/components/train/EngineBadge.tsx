// Which engine trains (TypeScript, WebAssembly SIMD, N workers) and how fast, live from the store.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { formatCount } from '../ui/format';
import { workerCountLabel } from './worker-count-label';

const EXPLANATIONS: Record<string, string> = {
  'WebAssembly SIMD': 'Matrix products run as WebAssembly SIMD kernels, skipping the zero pixels.',
  TypeScript:
    'Matrix products run as plain TypeScript: this browser could not load the WebAssembly SIMD kernels.',
};

export function EngineBadge() {
  const { engine, samplesPerSecond } = useStore(
    useShallow((s) => ({ engine: s.engine, samplesPerSecond: s.samplesPerSecond })),
  );
  if (!engine) return null;
  return (
    <span className="engine-badge" data-testid="engine-badge" title={EXPLANATIONS[engine.name]}>
      <span className="engine-badge__name">{engine.name}</span>
      {/* The run's own count: a count chosen during a run waits for the next one. */}
      {` · ${workerCountLabel(engine.workers)}`}
      {samplesPerSecond > 0 && ` · ${formatCount(Math.round(samplesPerSecond))} samples/s`}
    </span>
  );
}
