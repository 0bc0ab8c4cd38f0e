// The compared models' curves overlaid (test accuracy; training and test loss) over epochs, and the same as numbers.
import { formatMetric } from '../train/chart-format';
import {
  accuracySeries,
  accuracySummary,
  curveRows,
  epochText,
  hasCurves,
  lossSeries,
  type ComparisonEntry,
} from './comparison-series';
import { ComparisonChart } from './ComparisonChart';

export interface ComparisonCurvesProps {
  readonly entries: readonly ComparisonEntry[];
  /** Models whose curves are still being read. */
  readonly loading: readonly string[];
  /** Fixed chart width for tests. */
  readonly width?: number;
}

const ACCURACY_DOMAIN = ['auto', 100] as const;

function lossText(loss: number | null): string {
  return loss === null ? '—' : formatMetric(loss, '');
}

export function ComparisonCurves({ entries, loading, width }: ComparisonCurvesProps) {
  const drawn = entries.filter(hasCurves);
  const withoutCurves = entries.filter((entry) => entry.curves && !hasCurves(entry));
  // Colours follow the order ticked, so a model keeps its colour while others' curves arrive.
  const accuracy = accuracySeries(entries);
  const loss = lossSeries(entries);
  const lossDescription = `Training loss (dashed) and test loss (solid) per epoch, on a logarithmic scale, for ${drawn
    .map((entry) => entry.model.name)
    .join(', ')}.`;
  return (
    <div className="compare-curves" data-testid="compare-curves">
      <h3 className="compare-curves__title">Curves over epochs</h3>
      {loading.length > 0 && (
        <p className="compare-curves__note">Reading the curves of {loading.join(', ')}…</p>
      )}
      {withoutCurves.length > 0 && (
        <p className="compare-curves__note" data-testid="no-curves-note">
          No curves for {withoutCurves.map((entry) => entry.model.name).join(', ')}: the file keeps no
          training history (an older .dlm or an imported .npz).
        </p>
      )}
      {entries
        .filter((entry) => entry.curvesError)
        .map((entry) => (
          <p key={entry.model.id} className="compare-curves__note" role="alert">
            The curves of {entry.model.name} could not be read: {entry.curvesError}
          </p>
        ))}
      {drawn.length > 0 && (
        <>
          <div className="compare-curves__charts">
            {accuracy.length > 0 && (
              <ComparisonChart
                title="Test accuracy"
                yLabel="Test accuracy (%)"
                series={accuracy}
                yDomain={ACCURACY_DOMAIN}
                description={accuracySummary(drawn)}
                width={width}
              />
            )}
            <ComparisonChart
              title="Loss"
              yLabel="Cross-entropy loss (log scale)"
              series={loss}
              yScale="log"
              description={lossDescription}
              width={width}
            />
          </div>
          <details className="compare-curves__numbers">
            <summary>The curves as numbers</summary>
            {drawn.map((entry) => (
              <CurveTable key={entry.model.id} entry={entry} />
            ))}
          </details>
        </>
      )}
    </div>
  );
}

function CurveTable({ entry }: { readonly entry: ComparisonEntry }) {
  const rows = entry.curves ? curveRows(entry.curves) : [];
  return (
    <div
      className="models-compare__scroll"
      tabIndex={0}
      role="region"
      aria-label={`Curves of ${entry.model.name}`}
    >
      <table className="compare-curves__table">
        <caption>{entry.model.name}</caption>
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">Test accuracy</th>
            <th scope="col">Test loss</th>
            <th scope="col">Training loss</th>
          </tr>
        </thead>
        <tbody>
          {/* Two evaluations may share an epoch (a run stopped and resumed): rows are keyed by order. */}
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row">{epochText(row.epoch)}</th>
              <td>{row.testAccuracy.toFixed(2)}%</td>
              <td>{lossText(row.testLoss)}</td>
              <td>{lossText(row.trainLoss)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
