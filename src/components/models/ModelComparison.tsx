// Saved models side by side: architecture, size, accuracy and the settings they were trained with.
import { useShallow } from 'zustand/react/shallow';
import type { SavedModelSummary } from '../../state/models-slice';
import { useStore } from '../../state/store';
import { OPTIMIZER_LABELS } from '../train/run-label';
import { formatCount } from '../ui/format';
import { accuracyText, architectureText, dateText } from './model-format';

interface Row {
  readonly label: string;
  readonly value: (m: SavedModelSummary) => string;
}

const ROWS: readonly Row[] = [
  { label: 'Architecture', value: (m) => architectureText(m.layerSizes, m.architecture) },
  { label: 'Parameters', value: (m) => formatCount(m.parameterCount) },
  { label: 'Test accuracy', value: (m) => accuracyText(m.testAccuracy) },
  { label: 'Epochs', value: (m) => (m.epochs === null ? '—' : String(Number(m.epochs.toFixed(2)))) },
  { label: 'Optimizer', value: (m) => (m.config ? OPTIMIZER_LABELS[m.config.optimizer] : '—') },
  { label: 'Learning rate', value: (m) => (m.config ? String(m.config.learningRate) : '—') },
  { label: 'Batch size', value: (m) => (m.config ? String(m.config.batchSize) : '—') },
  { label: 'Seed', value: (m) => (m.config ? String(m.config.seed) : '—') },
  { label: 'Saved', value: (m) => dateText(m.updatedAt) },
];

export function ModelComparison() {
  const compared = useStore(
    useShallow((s) => s.savedModels.filter((m) => s.comparedModelIds.includes(m.id))),
  );
  if (compared.length === 0) return null;
  const best = Math.max(...compared.map((m) => m.testAccuracy ?? -1));
  return (
    <section className="card models-compare" aria-labelledby="models-compare-title">
      <h2 id="models-compare-title" className="card__title">
        Comparison
      </h2>
      <div className="models-compare__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Property</span>
              </th>
              {compared.map((m) => (
                <th key={m.id} scope="col">
                  {m.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {compared.map((m) => (
                  <td
                    key={m.id}
                    className={
                      row.label === 'Test accuracy' && compared.length > 1 && m.testAccuracy === best
                        ? 'models-compare__best'
                        : undefined
                    }
                  >
                    {row.value(m)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
