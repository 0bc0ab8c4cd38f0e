// Turns run histories into the lines the loss and accuracy charts draw (current run solid, earlier runs dashed).
import type { RunHistory } from '../../state/metrics-slice';
import { runName } from './run-label';

export interface ChartPoint {
  readonly samplesSeen: number;
  readonly value: number;
}

export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  readonly dashed: boolean;
  /** Evaluations are few: each one is marked with a dot. */
  readonly dots: boolean;
  /** The run being trained: its points change on every update, an earlier run's never do. */
  readonly live: boolean;
  readonly points: readonly ChartPoint[];
}

export type ChartMetric = 'loss' | 'accuracy';

const CURRENT_TRAIN = '#3d5afe';
const CURRENT_TEST = '#e65100';
/** Earlier runs, told apart by colour as well as by the legend. */
const PAST_COLOURS = ['#00897b', '#8e24aa', '#6d4c41', '#c2185b', '#546e7a', '#7cb342', '#f9a825', '#5c6bc0'];

type HistoryPoints = RunHistory['train'] | RunHistory['test'];

/**
 * Chart points per history array and metric. Histories are immutable and an unchanged one keeps its array, so
 * an unchanged series keeps its points too: recharts then skips that line (it is memoised on its data).
 */
const cachedValues: Record<ChartMetric, WeakMap<HistoryPoints, ChartPoint[]>> = {
  loss: new WeakMap(),
  accuracy: new WeakMap(),
};

function valuesOf(points: HistoryPoints, metric: ChartMetric, scale: number): ChartPoint[] {
  let values = cachedValues[metric].get(points);
  if (!values) {
    values = points.map((p) => ({ samplesSeen: p.samplesSeen, value: p[metric] * scale }));
    cachedValues[metric].set(points, values);
  }
  return values;
}

/** Accuracy is drawn in percent. Past runs show their test curve (accuracy) or training curve (loss). */
export function chartSeries(
  current: RunHistory | null,
  compared: readonly RunHistory[],
  metric: ChartMetric,
): ChartSeries[] {
  const scale = metric === 'accuracy' ? 100 : 1;
  const series: ChartSeries[] = [];
  compared.forEach((run, index) => {
    const colour = PAST_COLOURS[index % PAST_COLOURS.length];
    series.push({
      key: `run-${run.id}-train`,
      name: `${runName(run.id)} train`,
      color: colour,
      dashed: true,
      dots: false,
      live: false,
      points: valuesOf(run.train, metric, scale),
    });
    if (metric === 'accuracy') {
      series.push({
        key: `run-${run.id}-test`,
        name: `${runName(run.id)} test`,
        color: colour,
        dashed: false,
        dots: true,
        live: false,
        points: valuesOf(run.test, metric, scale),
      });
    }
  });
  if (current) {
    const label = runName(current.id);
    series.push({
      key: 'current-train',
      name: `${label} train${metric === 'loss' ? ' (smoothed)' : ''}`,
      color: CURRENT_TRAIN,
      dashed: false,
      dots: false,
      live: true,
      points: valuesOf(current.train, metric, scale),
    });
    series.push({
      key: 'current-test',
      name: `${label} test`,
      color: CURRENT_TEST,
      dashed: false,
      dots: true,
      live: true,
      points: valuesOf(current.test, metric, scale),
    });
  }
  return series;
}
