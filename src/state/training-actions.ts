// Start, Pause, Resume, Stop, Step, Reset and Restart worker: drive the worker client and write what it
// reports into the store with setState (outside React, a few times per second at most).
import { proxy } from 'comlink';
import type { TrainingConfig } from '../nn/types';
import { getTrainer, onTrainerFailure, restartTrainer } from '../worker/client';
import type { TrainingProgress, TrainOptions, TrainOutcome } from '../worker/training-progress';
import { ensureDataset, forgetLoadedDatasets } from './dataset-actions';
import { loadEngine, showEngine } from './engine-actions';
import { IDLE_SPLIT, type DatasetSplit } from './dataset-slice';
import { appendDownsampled } from './metric-history';
import { MAX_PAST_RUNS, type RunHistory } from './metrics-slice';
import { refreshPrediction, resetPredictionQueue, loadDefaultModel } from './prediction-actions';
import type { TrainingNotice } from './session-slice';
import { useStore } from './store';

let runCounter = 0;
/** Bumped when a run starts or the worker is replaced, so messages about an older run are ignored. */
let generation = 0;
/** The run whose engine (the workers it trains with) the store last asked for. */
let engineGeneration = -1;
let trainOptions: Partial<TrainOptions> = {};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function percent(accuracy: number): string {
  return `${(accuracy * 100).toFixed(1)}%`;
}

/** The worker's own refusals (a bad config, no data yet) leave it healthy; anything else means it broke. */
function isRefusal(error: unknown): boolean {
  return error instanceof Error && error.name === 'TrainerError';
}

function failed(message: string): void {
  useStore.setState((s) => ({
    trainingStatus: 'failed',
    trainingBusy: false,
    workerError: message,
    currentRun: s.currentRun && { ...s.currentRun, end: 'failed' },
  }));
}

function commandFailed(error: unknown): void {
  if (isRefusal(error)) {
    useStore.setState({ trainingBusy: false, trainingNotice: { kind: 'error', text: describe(error) } });
  } else {
    failed(`The training worker failed: ${describe(error)}`);
  }
}

onTrainerFailure(failed);

function applyProgress(progress: TrainingProgress, runGeneration: number): void {
  if (runGeneration !== generation) return;
  if (engineGeneration !== runGeneration) {
    // The run's first message: the run exists in the worker now, so its worker count is the one to show.
    engineGeneration = runGeneration;
    void loadEngine().catch(commandFailed);
  }
  useStore.setState((s) => {
    const latestTest = progress.evaluations.at(-1);
    const run = s.currentRun;
    return {
      trainingProgress: {
        epoch: progress.epoch,
        batch: progress.batch,
        batchesPerEpoch: progress.batchesPerEpoch,
        epochs: progress.epochs,
        samplesSeen: progress.samplesSeen,
        totalSamples: progress.totalSamples,
        elapsedMs: progress.elapsedMs,
        secondsLeft: progress.secondsLeft,
      },
      samplesPerSecond: progress.samplesPerSecond > 0 ? progress.samplesPerSecond : s.samplesPerSecond,
      latestTestAccuracy: latestTest ? latestTest.accuracy : s.latestTestAccuracy,
      latestTestSampleCount: latestTest ? latestTest.sampleCount : s.latestTestSampleCount,
      // A message without new points keeps the run object, so the charts' throttled redraw has nothing to do.
      currentRun:
        run &&
        (progress.points.length > 0 || progress.evaluations.length > 0 || progress.epochSeconds.length > 0)
          ? {
              ...run,
              train: appendDownsampled(run.train, progress.points),
              test: appendDownsampled(run.test, progress.evaluations),
              epochSeconds:
                progress.epochSeconds.length > 0
                  ? [...run.epochSeconds, ...progress.epochSeconds]
                  : run.epochSeconds,
            }
          : run,
    };
  });
  if (useStore.getState().modelSlot === 'live') refreshPrediction();
}

function noticeFor(outcome: TrainOutcome): TrainingNotice | null {
  const { divergence } = outcome;
  if (outcome.reason === 'diverged' && divergence) {
    return {
      kind: 'divergence',
      text:
        `Training diverged: the loss blew up (${divergence.loss.toFixed(1)}) after ` +
        `${divergence.atSample.toLocaleString('en-US')} samples, so it stopped and the weights went back to ` +
        `their last good state (after ${divergence.restoredToSample.toLocaleString('en-US')} samples). ` +
        `The learning rate ${divergence.learningRate} is too large: try a smaller one, such as ` +
        `${divergence.suggestedLearningRate}.`,
    };
  }
  if (outcome.reason === 'finished') {
    const lastTest = useStore.getState().latestTestAccuracy;
    const tail = lastTest === null ? '' : `: test accuracy ${percent(lastTest)}`;
    return { kind: 'finished', text: `Finished ${outcome.progress.epochs} epochs${tail}.` };
  }
  return null;
}

function applyOutcome(outcome: TrainOutcome, runGeneration: number): void {
  if (runGeneration !== generation) return;
  applyProgress(outcome.progress, runGeneration);
  useStore.setState((s) => ({
    trainingStatus: outcome.reason,
    trainingBusy: false,
    trainingNotice: noticeFor(outcome) ?? s.trainingNotice,
    currentRun: s.currentRun && { ...s.currentRun, end: outcome.reason },
  }));
}

/** Moves the current run (if it has anything to show) to the comparison list and opens a new one. */
function beginRun(config: TrainingConfig | null): void {
  useStore.setState((s) => {
    const previous = s.currentRun;
    const keep = previous && previous.train.length > 0;
    const pastRuns = keep ? [previous, ...s.pastRuns].slice(0, MAX_PAST_RUNS) : s.pastRuns;
    const kept = new Set(pastRuns.map((r) => r.id));
    const currentRun: RunHistory | null = config
      ? { id: ++runCounter, config, train: [], test: [], epochSeconds: [], end: 'running' }
      : null;
    return {
      pastRuns,
      // A run that just ended is drawn under the next one at once: comparing two settings takes two clicks.
      comparedRunIds: keep
        ? [previous.id, ...s.comparedRunIds].filter((id) => kept.has(id))
        : s.comparedRunIds,
      currentRun,
      trainingProgress: null,
      latestTestAccuracy: null,
      latestTestSampleCount: 0,
      trainingNotice: null,
    };
  });
}

function datasetsLoaded(): boolean {
  const { datasets } = useStore.getState();
  return datasets.train.status === 'ready' && datasets.test.status === 'ready';
}

async function datasetsReady(): Promise<boolean> {
  await Promise.all([ensureDataset('train'), ensureDataset('test')]);
  if (datasetsLoaded()) return true;
  useStore.setState({
    trainingBusy: false,
    trainingNotice: {
      kind: 'error',
      text: 'The MNIST digits are not loaded, so training cannot start: use Retry in the dataset panel.',
    },
  });
  return false;
}

/** Options for the training loop (evaluation schedule, message rate); tests and the benchmark set them. */
export function setTrainOptions(options: Partial<TrainOptions>): void {
  trainOptions = options;
}

/** Start: a new run from the seed's initial weights with the config in the store. */
export async function startTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || trainingStatus === 'running' || trainingStatus === 'failed') return;
  let runGeneration: number | null = null;
  try {
    // With the digits loaded (the usual case) the command goes out in this task, before anything changes in
    // the store: a store change re-renders the page first (10–20 ms), and the worker would wait for it.
    if (!datasetsLoaded()) {
      useStore.setState({ trainingBusy: true });
      if (!(await datasetsReady())) return;
    }
    const trainer = getTrainer();
    const config = useStore.getState().trainingConfig;
    const ofThisRun = ++generation;
    runGeneration = ofThisRun;
    // The config goes with the command, so the worker starts at once: a configure() round trip first waited
    // behind the page's own rendering, 6–10 ms of every Start. The form stores only configs that pass.
    const outcome = trainer.train(
      proxy((p: TrainingProgress) => applyProgress(p, ofThisRun)),
      trainOptions,
      config,
    );
    beginRun(config);
    useStore.setState({
      trainingStatus: 'running',
      trainingBusy: false,
      liveModelAvailable: true,
      modelSlot: 'live',
    });
    applyOutcome(await outcome, ofThisRun);
  } catch (error) {
    if (runGeneration !== null) runEndedByError(runGeneration);
    commandFailed(error);
  }
}

/**
 * A run whose train or resume call was refused or threw is over (the worker keeps its weights as the live
 * model): it must not stay 'running', with Pause and Stop offered for a loop that no longer exists.
 */
function runEndedByError(runGeneration: number): void {
  if (runGeneration !== generation || useStore.getState().trainingStatus !== 'running') return;
  useStore.setState((s) => ({
    trainingStatus: 'stopped',
    currentRun: s.currentRun && { ...s.currentRun, end: 'stopped' },
  }));
}

/** Pause: the loop ends after its current chunk; the pending train/resume call then reports 'paused'. */
export async function pauseTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || trainingStatus !== 'running') return;
  useStore.setState({ trainingBusy: true });
  try {
    await getTrainer().pause();
  } catch (error) {
    commandFailed(error);
  }
}

export async function resumeTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || trainingStatus !== 'paused') return;
  const runGeneration = generation;
  useStore.setState({ trainingStatus: 'running', trainingNotice: null });
  try {
    const outcome = await getTrainer().resume(
      proxy((p: TrainingProgress) => applyProgress(p, runGeneration)),
      trainOptions,
    );
    applyOutcome(outcome, runGeneration);
  } catch (error) {
    runEndedByError(runGeneration);
    commandFailed(error);
  }
}

/** Stop: the run ends for good; its weights stay as the live model. */
export async function stopTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || (trainingStatus !== 'running' && trainingStatus !== 'paused')) return;
  useStore.setState({ trainingBusy: true });
  try {
    await getTrainer().stop();
    // A running loop reports 'stopped' through its train/resume call; a paused run has no such call.
    if (trainingStatus === 'paused') {
      useStore.setState((s) => ({
        trainingStatus: 'stopped',
        trainingBusy: false,
        currentRun: s.currentRun && { ...s.currentRun, end: 'stopped' },
      }));
    }
  } catch (error) {
    commandFailed(error);
  }
}

/** Step: one mini-batch of the paused run, or the first of a new run. */
export async function stepTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || (trainingStatus !== 'idle' && trainingStatus !== 'paused')) return;
  useStore.setState({ trainingBusy: true });
  try {
    if (!(await datasetsReady())) return;
    const trainer = getTrainer();
    if (trainingStatus === 'idle') {
      const config = useStore.getState().trainingConfig;
      await trainer.configure(config);
      ++generation;
      beginRun(config);
      useStore.setState({ liveModelAvailable: true, modelSlot: 'live' });
    }
    applyOutcome(await trainer.step(), generation);
  } catch (error) {
    commandFailed(error);
  }
}

/** Reset: back to the seed's initial weights (the same seed gives the same weights); the run goes to the comparison list. */
export async function resetTraining(): Promise<void> {
  const { trainingBusy, trainingStatus } = useStore.getState();
  if (trainingBusy || trainingStatus === 'running' || trainingStatus === 'failed') return;
  useStore.setState({ trainingBusy: true });
  try {
    const trainer = getTrainer();
    await trainer.configure(useStore.getState().trainingConfig);
    await trainer.reset();
    ++generation;
    beginRun(null);
    useStore.setState({ trainingStatus: 'idle', trainingBusy: false });
    if (useStore.getState().modelSlot === 'live') refreshPrediction();
  } catch (error) {
    commandFailed(error);
  }
}

/** After a crash: a fresh worker, the data and the default model loaded into it again; the charts stay. */
export async function restartWorker(): Promise<void> {
  ++generation;
  restartTrainer();
  resetPredictionQueue();
  forgetLoadedDatasets();
  const { datasets } = useStore.getState();
  const requested = (Object.keys(datasets) as DatasetSplit[]).filter(
    (split) => datasets[split].status !== 'idle',
  );
  useStore.setState((s) => ({
    trainingStatus: 'idle',
    trainingBusy: false,
    workerError: null,
    workerCountError: null,
    trainingNotice: null,
    trainingProgress: null,
    liveModelAvailable: false,
    modelSlot: 'default',
    datasets: { ...s.datasets, ...Object.fromEntries(requested.map((split) => [split, IDLE_SPLIT])) },
  }));
  beginRun(null);
  // A fresh worker starts from its default worker count; the person's choice goes back in.
  void showEngine();
  await Promise.all([
    ...requested.map((split) => ensureDataset(split)),
    loadDefaultModel().catch(() => undefined),
  ]);
}
