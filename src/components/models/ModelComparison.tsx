// Compared models side by side (saved runs and the shipped ones, any architecture), then their curves overlaid.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainingConfig } from '../../nn/types';
import { loadSavedCurves } from '../../state/comparison-actions';
import {
  comparedModelOfSummary,
  meanEpochSeconds,
  savedCurvesKey,
  type ComparisonFile,
} from '../../state/compared-model';
import { distortionsSummary } from '../../state/distortions-summary';
import type { SavedModelSummary } from '../../state/models-slice';
import { useStore } from '../../state/store';
import { OPTIMIZER_LABELS } from '../train/run-label';
import { formatCount } from '../ui/format';
import type { ComparisonEntry } from './comparison-series';
import { ComparisonCurves } from './ComparisonCurves';
import { accuracyText, dateText } from './model-format';

interface Row {
  readonly label: string;
  readonly value: (entry: ComparisonEntry) => string;
}

function epochTimeText(entry: ComparisonEntry): string {
  const seconds = meanEpochSeconds(entry.curves?.history ?? null);
  return seconds === null ? '—' : `${seconds.toFixed(1)} s`;
}

function learningRateText(config: TrainingConfig): string {
  const decay = config.learningRateDecay ?? 1;
  return decay === 1 ? String(config.learningRate) : `${config.learningRate}, × ${decay} each epoch`;
}

const ROWS: readonly Row[] = [
  { label: 'Architecture', value: ({ model }) => model.architecture },
  { label: 'Parameters', value: ({ model }) => formatCount(model.parameterCount) },
  { label: 'Test accuracy', value: ({ model }) => accuracyText(model.testAccuracy) },
  {
    label: 'Epochs',
    value: ({ model }) => (model.epochs === null ? '—' : String(Number(model.epochs.toFixed(2)))),
  },
  { label: 'Epoch time', value: epochTimeText },
  {
    label: 'Optimizer',
    value: ({ model }) => (model.config ? OPTIMIZER_LABELS[model.config.optimizer] : '—'),
  },
  { label: 'Learning rate', value: ({ model }) => (model.config ? learningRateText(model.config) : '—') },
  { label: 'Batch size', value: ({ model }) => (model.config ? String(model.config.batchSize) : '—') },
  { label: 'Seed', value: ({ model }) => (model.config ? String(model.config.seed) : '—') },
  {
    label: 'Distorted digits',
    value: ({ model }) => (model.config ? distortionsSummary(model.config) : '—'),
  },
  {
    label: 'Saved',
    value: ({ model }) => (model.savedAt === null ? 'ships with the app' : dateText(model.savedAt)),
  },
];

function cellClass(row: string, best: boolean): string | undefined {
  if (row === 'Architecture') return 'models-compare__architecture';
  return row === 'Test accuracy' && best ? 'models-compare__best' : undefined;
}

interface Compared {
  readonly entries: readonly ComparisonEntry[];
  /** Saved models whose curves are not read yet. */
  readonly unread: readonly SavedModelSummary[];
  readonly loading: readonly string[];
}

/** The ticked models in the order ticked; a shipped model joins once its file is here. */
function comparedEntries(
  ids: readonly string[],
  savedModels: readonly SavedModelSummary[],
  files: Readonly<Record<string, ComparisonFile>>,
): Compared {
  const entries: ComparisonEntry[] = [];
  const unread: SavedModelSummary[] = [];
  const loading: string[] = [];
  for (const id of ids) {
    const summary = savedModels.find((m) => m.id === id);
    if (summary) {
      const file = files[savedCurvesKey(summary)];
      if (!file) unread.push(summary);
      if (!file || file.status === 'loading') loading.push(summary.name);
      entries.push({
        model: comparedModelOfSummary(summary),
        curves: file?.status === 'ready' ? file.curves : null,
        ...(file?.status === 'failed' ? { curvesError: file.error } : {}),
      });
      continue;
    }
    const file = files[id];
    if (file?.status === 'ready') entries.push({ model: file.model, curves: file.curves });
  }
  return { entries, unread, loading };
}

export interface ModelComparisonProps {
  /** Fixed chart width for tests. */
  readonly chartWidth?: number;
}

export function ModelComparison({ chartWidth }: ModelComparisonProps) {
  const { ids, savedModels, files } = useStore(
    useShallow((s) => ({ ids: s.comparedModelIds, savedModels: s.savedModels, files: s.comparisonFiles })),
  );
  const { entries, unread, loading } = useMemo(
    () => comparedEntries(ids, savedModels, files),
    [ids, savedModels, files],
  );
  useEffect(() => {
    for (const summary of unread) void loadSavedCurves(summary);
  }, [unread]);
  if (entries.length === 0) return null;
  const best = Math.max(...entries.map((e) => e.model.testAccuracy ?? -1));
  return (
    <section className="card models-compare" aria-labelledby="models-compare-title">
      <h2 id="models-compare-title" className="card__title">
        Comparison
      </h2>
      {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
      <div className="models-compare__scroll" tabIndex={0} role="region" aria-label="Compared models">
        <table data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Property</span>
              </th>
              {entries.map(({ model }) => (
                <th key={model.id} scope="col">
                  {model.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {entries.map((entry) => (
                  <td
                    key={entry.model.id}
                    className={cellClass(row.label, entries.length > 1 && entry.model.testAccuracy === best)}
                  >
                    {row.value(entry)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ComparisonCurves entries={entries} loading={loading} width={chartWidth} />
    </section>
  );
}
