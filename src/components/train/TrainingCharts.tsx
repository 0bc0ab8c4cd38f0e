// The loss and accuracy charts of the current run, with the earlier runs the user chose to compare.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore, type AppState } from '../../state/store';
import { chartSeries } from './chart-series';
import { MetricChart } from './MetricChart';
import { useThrottledStoreValue } from './useThrottledStoreValue';

/** Each redraw rebuilds the curves' paths; once a second keeps the page's main thread free between redraws. */
const CHART_INTERVAL_MS = 1000;
/** The accuracy chart redraws half a second after the loss chart, so no task draws both. */
const SECOND_CHART_OFFSET_MS = 500;
const selectCurrentRun = (s: AppState) => s.currentRun;
/** MNIST's training set: one epoch until a run reports its own size. */
const MNIST_TRAIN_COUNT = 60_000;
const selectEpochSamples = (s: AppState) =>
  s.trainingProgress ? s.trainingProgress.totalSamples / s.trainingProgress.epochs : MNIST_TRAIN_COUNT;
/** Module constants: a new array per render would redraw a memoised chart whose data did not change. */
const LOSS_DOMAIN: [number, 'auto'] = [0, 'auto'];
const ACCURACY_DOMAIN: ['auto', number] = ['auto', 100];

export interface TrainingChartsProps {
  /** Fixed chart width for tests; the page lets the charts fill their column. */
  readonly width?: number;
}

export function TrainingCharts({ width }: TrainingChartsProps) {
  const lossRun = useThrottledStoreValue(selectCurrentRun, CHART_INTERVAL_MS);
  const accuracyRun = useThrottledStoreValue(selectCurrentRun, CHART_INTERVAL_MS, SECOND_CHART_OFFSET_MS);
  const epochSamples = useStore(selectEpochSamples);
  const compared = useStore(useShallow((s) => s.pastRuns.filter((run) => s.comparedRunIds.includes(run.id))));
  const loss = useMemo(() => chartSeries(lossRun, compared, 'loss'), [lossRun, compared]);
  const accuracy = useMemo(() => chartSeries(accuracyRun, compared, 'accuracy'), [accuracyRun, compared]);
  return (
    <div className="training-charts">
      <MetricChart title="Loss" series={loss} yDomain={LOSS_DOMAIN} minXSpan={epochSamples} width={width} />
      <MetricChart
        title="Accuracy"
        series={accuracy}
        yUnit="%"
        yDomain={ACCURACY_DOMAIN}
        minXSpan={epochSamples}
        width={width}
      />
    </div>
  );
}
