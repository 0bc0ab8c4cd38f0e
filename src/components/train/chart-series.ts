// Turns run histories into the lines the loss and accuracy charts draw (current run solid, earlier runs dashed).
import type { RunHistory } from '../../state/metrics-slice';

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
  readonly points: readonly ChartPoint[];
}

export type ChartMetric = 'loss' | 'accuracy';

const CURRENT_TRAIN = '#3d5afe';
const CURRENT_TEST = '#e65100';
/** Earlier runs, told apart by colour as well as by the legend. */
const PAST_COLOURS = ['#00897b', '#8e24aa', '#6d4c41', '#c2185b', '#546e7a', '#7cb342', '#f9a825', '#5c6bc0'];

function valuesOf(
  points: RunHistory['train'] | RunHistory['test'],
  metric: ChartMetric,
  scale: number,
): ChartPoint[] {
  return points.map((p) => ({ samplesSeen: p.samplesSeen, value: p[metric] * scale }));
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
      name: `Run ${run.id} train`,
      color: colour,
      dashed: true,
      dots: false,
      points: valuesOf(run.train, metric, scale),
    });
    if (metric === 'accuracy') {
      series.push({
        key: `run-${run.id}-test`,
        name: `Run ${run.id} test`,
        color: colour,
        dashed: false,
        dots: true,
        points: valuesOf(run.test, metric, scale),
      });
    }
  });
  if (current) {
    const label = `Run ${current.id}`;
    series.push({
      key: 'current-train',
      name: `${label} train${metric === 'loss' ? ' (smoothed)' : ''}`,
      color: CURRENT_TRAIN,
      dashed: false,
      dots: false,
      points: valuesOf(current.train, metric, scale),
    });
    series.push({
      key: 'current-test',
      name: `${label} test`,
      color: CURRENT_TEST,
      dashed: false,
      dots: true,
      points: valuesOf(current.test, metric, scale),
    });
  }
  return series;
}
