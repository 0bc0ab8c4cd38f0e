// The training session: owns the datasets, the default (shipped) and live networks and the training loop. The worker
// exposes it through comlink; tests call it directly on the main thread. A multi-worker engine can sit behind
// the same functions.
import { transfer } from 'comlink';
import { loadMnistSplit, type LoadMnistOptions } from '../data/load-mnist';
import type { MnistSplit } from '../data/mnist-assets';
import { typescriptKernels, type Kernels } from '../nn/kernels';
import { deserializeModel, serializeModel, type ModelFile, type ModelMetrics } from '../nn/model-file';
import type { ModelHistory } from '../nn/model-history';
import { architectureOf, denseParamsOf, layerParamsOf, type ModelParams } from '../nn/model-params';
import { predictLayersOne } from '../nn/predict-layers';
import { predictOne } from '../nn/predict';
import { createAugmentPreview } from './augment-preview';
import { REFERENCE_CONFIG, type Dataset, type EvaluationResult, type TrainingConfig } from '../nn/types';
import { evaluateModel } from '../nn/evaluate-model';
import { DEFAULT_DIVERGENCE_SETTINGS, type DivergenceSettings } from './divergence-guard';
import { evaluateInSlices } from './evaluate-in-slices';
import { createInspectMethods } from './inspect-methods';
import { spreadSubset } from './test-subset';
import { TrainerError } from './trainer-error';
import {
  DEFAULT_TRAIN_OPTIONS,
  type EngineInfo,
  type TrainingProgress,
  type TrainOptions,
  type TrainOutcome,
} from './training-progress';
import type { TrainingRun } from './training-run';
import type { SpawnShardHelper } from './parallel-training';
import { initialNetwork } from './initial-network';
import { shareDataset } from './shared-dataset';
import { parallelSupport, type ParallelSupport } from './parallel-support';
import { chunkOver } from './chunk-end';
import { assertValidConfig } from './validate-config';
import { yieldToEventLoop } from './yield-to-event-loop';

export type ModelSlot = 'default' | 'live';
export type ProgressListener = (progress: TrainingProgress) => unknown;
export type BytesListener = (bytesLoaded: number, bytesTotal: number) => unknown;

export interface TrainerApiOptions {
  /** Where datasets come from; tests pass a reader of the files on disk. */
  readonly loadSplit?: (split: MnistSplit, options: LoadMnistOptions) => Promise<Dataset>;
  readonly kernels?: Kernels;
  readonly divergence?: DivergenceSettings;
  /** How many workers this context offers; tests pass their own. */
  readonly parallel?: ParallelSupport;
  /** How to run several workers: the shared-memory kernels and a way to start helpers. Absent: one worker. */
  readonly parallelEngine?: {
    readonly loadModule: () => Promise<WebAssembly.Module>;
    readonly spawn: SpawnShardHelper;
  };
}

export interface DatasetInfo {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ModelSummary {
  readonly name: string;
  /** The dense network's sizes; [] for a network with conv or pool layers. */
  readonly layerSizes: readonly number[];
  /** The hidden layers as text: `dense 200, dense 100, dense 25` or `conv 8@5x5, pool 2, dense 100`. */
  readonly architecture: string;
  readonly config: TrainingConfig | null;
  readonly metrics: ModelMetrics;
}

export interface PredictionResult {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  /** One per hidden layer, after ReLU. */
  readonly activations: Float32Array[];
}

/** Test digits evaluated between two yields: about 20 ms of work. */
const EVALUATION_SLICE = 250;

function reportLostMessage(error: unknown): void {
  // The page went away or released the callback; training itself is unaffected.
  console.warn('Digit Lab trainer: a progress message could not be delivered', error);
}

function deliver(listener: ProgressListener, progress: TrainingProgress): void {
  try {
    const result = listener(progress);
    if (result instanceof Promise) result.catch(reportLostMessage);
  } catch (error) {
    reportLostMessage(error);
  }
}

export function createTrainerApi(options: TrainerApiOptions = {}) {
  const loadSplit = options.loadSplit ?? loadMnistSplit;
  const kernels = options.kernels ?? typescriptKernels;
  const divergence = options.divergence ?? DEFAULT_DIVERGENCE_SETTINGS;
  const parallel = options.parallel ?? parallelSupport();
  let chosenWorkers = parallel.defaultWorkers;
  let sharedTrain: { readonly source: Dataset; readonly shared: Dataset } | null = null;
  const datasets = new Map<MnistSplit, Dataset>();
  const loading = new Map<MnistSplit, Promise<Dataset>>();
  const subsets = new Map<number, Dataset>();
  let config: TrainingConfig = REFERENCE_CONFIG;
  /** The shipped network the page chose to read with: dense or convolutional. */
  let defaultModel: ModelFile | null = null;
  let live: {
    params: ModelParams;
    config: TrainingConfig | null;
    name: string;
    metrics: ModelMetrics;
    history: ModelHistory | null;
  } | null = null;
  let run: TrainingRun | null = null;
  let loop: Promise<TrainOutcome> | null = null;
  let request: 'pause' | 'stop' | null = null;
  /** The page's count of calls on their way, once it handed one over. */
  let pendingCalls: Int32Array | null = null;
  let lastListener: ProgressListener | null = null;
  let lastOptions: TrainOptions = DEFAULT_TRAIN_OPTIONS;

  function requireDataset(split: MnistSplit): Dataset {
    const data = datasets.get(split);
    if (!data) {
      throw new TrainerError(`The ${split === 'train' ? 'training' : 'test'} digits are not loaded yet.`);
    }
    return data;
  }

  function modelParamsOf(slot: ModelSlot): ModelParams {
    if (slot === 'default') {
      if (!defaultModel) throw new TrainerError('The default model is not loaded.');
      return defaultModel.params;
    }
    if (!live) throw new TrainerError('There is no trained model yet: start or step training first.');
    return live.params;
  }

  function testSubset(size: number): Dataset {
    let subset = subsets.get(size);
    if (!subset) {
      subset = spreadSubset(requireDataset('test'), size);
      subsets.set(size, subset);
    }
    return subset;
  }

  /** The training set in shared memory, copied once (47 MB) the first time several workers train. */
  function sharedTrainingSet(train: Dataset): Dataset {
    if (sharedTrain?.source !== train) sharedTrain = { source: train, shared: shareDataset(train) };
    return sharedTrain.shared;
  }

  function configure(next: TrainingConfig): void {
    assertValidConfig(next, datasets.get('train')?.count ?? 0);
    config = { ...next, hiddenSizes: [...next.hiddenSizes] };
  }

  function closeRun(): void {
    run?.close();
    run = null;
  }

  async function startRun(pointsPerEpoch: number): Promise<TrainingRun> {
    closeRun();
    const train = requireDataset('train');
    assertValidConfig(config, train.count);
    const runConfig = config;
    // The training code is fetched with the first run: the worker also serves the landing page's first
    // prediction, which needs none of it.
    const [{ createRunTrainer }, { TrainingRun }] = await Promise.all([
      import('./run-trainer'),
      import('./training-run'),
    ]);
    const { trainer, close } = await createRunTrainer(runConfig, train, {
      kernels,
      chosenWorkers,
      parallelEngine: options.parallelEngine,
      sharedTrainingSet,
    });
    const started = new TrainingRun(trainer, train.count, pointsPerEpoch, divergence, close);
    live = {
      params: trainer.params,
      config: runConfig,
      name: 'Trained in this session',
      metrics: {},
      history: null,
    };
    run = started;
    return started;
  }

  async function evaluateNow(r: TrainingRun, wholeTestSet: boolean, subsetSize: number): Promise<void> {
    const data = wholeTestSet ? requireDataset('test') : testSubset(subsetSize);
    const startedMs = performance.now();
    const result = await evaluateInSlices(r.params, data, kernels, EVALUATION_SLICE, yieldToEventLoop);
    r.elapsedMs += performance.now() - startedMs;
    r.addEvaluation(
      {
        samplesSeen: r.trainer.samplesSeen,
        loss: result.loss,
        accuracy: result.accuracy,
        sampleCount: result.count,
      },
      wholeTestSet,
    );
  }

  async function trainLoop(
    r: TrainingRun,
    listener: ProgressListener,
    opts: TrainOptions,
  ): Promise<TrainOutcome> {
    let lastMessageMs = performance.now();
    const outcome = (reason: TrainOutcome['reason']): TrainOutcome => ({
      reason,
      progress: r.flush(),
      divergence: null,
    });
    for (;;) {
      const chunkStartMs = performance.now();
      const samplesBefore = r.trainer.samplesSeen;
      const clock = { startMs: chunkStartMs, lastMessageMs, progressIntervalMs: opts.progressIntervalMs };
      let result = r.step(false);
      let subsetDue = subsetEvaluationDue(r, opts);
      while (
        !result.diverged &&
        !result.epochEnded &&
        !subsetDue &&
        !chunkOver(performance.now(), clock, pendingCalls)
      ) {
        result = r.step(false);
        subsetDue = subsetEvaluationDue(r, opts);
      }
      const diverged = result.diverged || r.checkpointIfDue();
      // Whatever runs before the next chunk (predictions, evaluation, a checkpoint) reads current weights.
      r.trainer.syncParams();
      const chunkEndMs = performance.now();
      r.addTrainingTime(r.trainer.samplesSeen - samplesBefore, chunkEndMs - chunkStartMs, chunkEndMs);
      if (diverged) {
        return {
          reason: 'diverged',
          divergence: r.recoverFromDivergence(result.report),
          progress: r.flush(),
        };
      }
      if (result.epochEnded) await evaluateNow(r, true, opts.evaluationSubsetSize);
      else if (subsetDue) await evaluateNow(r, false, opts.evaluationSubsetSize);
      if (result.finished) {
        r.ended = true;
        return outcome('finished');
      }
      if (performance.now() - lastMessageMs >= opts.progressIntervalMs) {
        deliver(listener, r.flush());
        lastMessageMs = performance.now();
      }
      await yieldToEventLoop();
      if (request === 'stop') r.ended = true;
      if (request) return outcome(request === 'pause' ? 'paused' : 'stopped');
    }
  }

  function subsetEvaluationDue(r: TrainingRun, opts: TrainOptions): boolean {
    const stepsTaken = r.trainer.epoch * r.trainer.batchesPerEpoch + r.trainer.batchInEpoch;
    return opts.evaluateEverySteps > 0 && stepsTaken % opts.evaluateEverySteps === 0;
  }

  function runLoop(
    starting: TrainingRun | Promise<TrainingRun>,
    listener: ProgressListener,
    opts: TrainOptions,
  ): Promise<TrainOutcome> {
    request = null;
    lastListener = listener;
    lastOptions = opts;
    loop = (async () => {
      const r = await starting;
      try {
        return await trainLoop(r, listener, opts);
      } catch (error) {
        // A step that threw (a helper worker died) leaves nothing to resume; the weights stay the live model.
        r.ended = true;
        throw error;
      } finally {
        if (r.ended) r.close();
      }
    })().finally(() => {
      loop = null;
      request = null;
    });
    return loop;
  }

  async function endLoop(how: 'pause' | 'stop'): Promise<void> {
    if (!loop) return;
    request = how;
    // The caller of train()/resume() receives the outcome; here only the end matters.
    await loop.catch(() => undefined);
  }

  function assertNotTraining(what: string): void {
    if (loop) throw new TrainerError(`Cannot ${what} while training runs: pause or stop first.`);
  }

  const api = {
    // The inspector's calls (explain a digit, weights, test-set analysis) read the same slots and datasets.
    ...createInspectMethods<ModelSlot>({ modelParamsOf, requireDataset, kernels }),
    // What a run with distortions trains on: a few training digits beside their distorted copies.
    ...createAugmentPreview(requireDataset),

    /** The counter the page raises for every call it sends (see pending-calls.ts); training watches it. */
    watchPendingCalls(counter: Int32Array): void {
      pendingCalls = counter;
    },

    /** Loads a split into the session (once; later calls return at once). */
    async loadDataset(split: MnistSplit, baseUrl: string, onProgress?: BytesListener): Promise<DatasetInfo> {
      let pending = loading.get(split);
      if (!pending) {
        pending = loadSplit(split, {
          baseUrl,
          onProgress: onProgress
            ? ({ bytesLoaded, bytesTotal }) => {
                const result = onProgress(bytesLoaded, bytesTotal);
                if (result instanceof Promise) result.catch(reportLostMessage);
              }
            : undefined,
        });
        loading.set(split, pending);
        pending.then(
          (data) => datasets.set(split, data),
          () => loading.delete(split),
        );
      }
      const data = await pending;
      return { count: data.count, rows: data.rows, cols: data.cols };
    },

    hasDataset(split: MnistSplit): boolean {
      return datasets.has(split);
    },

    /** Copies of the chosen digits (images row after row, and their labels), for galleries and the sample grid. */
    getSamples(split: MnistSplit, indices: Int32Array): { images: Uint8Array; labels: Uint8Array } {
      const data = requireDataset(split);
      const pixels = data.rows * data.cols;
      const images = new Uint8Array(indices.length * pixels);
      const labels = new Uint8Array(indices.length);
      indices.forEach((index, i) => {
        if (!Number.isInteger(index) || index < 0 || index >= data.count) {
          throw new TrainerError(`Digit ${index} does not exist: the ${split} set has ${data.count}.`);
        }
        images.set(data.images.subarray(index * pixels, (index + 1) * pixels), i * pixels);
        labels[i] = data.labels[index];
      });
      return transfer({ images, labels }, [images.buffer, labels.buffer]);
    },

    getTestImages(indices: Int32Array): Uint8Array {
      const { images } = api.getSamples('test', indices);
      return transfer(images, [images.buffer]);
    },

    getEngine(): EngineInfo {
      return {
        name: kernels.name,
        workers: run ? run.workers : chosenWorkers,
        chosenWorkers,
        maxWorkers: parallel.maxWorkers,
        defaultWorkers: parallel.defaultWorkers,
        singleWorkerReason: parallel.singleWorkerReason,
      };
    },

    /** How many workers the next new run trains with (1 … maxWorkers); a run in progress keeps its own. */
    setWorkerCount(count: number): EngineInfo {
      if (!Number.isInteger(count) || count < 1 || count > parallel.maxWorkers) {
        throw new TrainerError(
          parallel.maxWorkers === 1
            ? `Only one worker can train here: ${parallel.singleWorkerReason ?? 'this device has one core.'}`
            : `Choose between 1 and ${parallel.maxWorkers} workers, not ${count}.`,
        );
      }
      chosenWorkers = count;
      return api.getEngine();
    },

    /** Sets the config the next run (train, or a step with no run) uses; throws on a bad config. */
    configure(next: TrainingConfig): void {
      configure(next);
    },

    getConfig(): TrainingConfig {
      return config;
    },

    /**
     * Starts a new run from the seed's initial weights, with `next` as the config when given (one message
     * instead of configure() and its reply first); resolves when it pauses, stops, finishes or diverges.
     */
    train(
      onProgress: ProgressListener,
      trainOptions: Partial<TrainOptions> = {},
      next?: TrainingConfig,
    ): Promise<TrainOutcome> {
      assertNotTraining('start a new run');
      requireDataset('test');
      if (next) configure(next);
      const opts = { ...DEFAULT_TRAIN_OPTIONS, ...trainOptions };
      return runLoop(startRun(opts.pointsPerEpoch), onProgress, opts);
    },

    /** Continues the paused run (with the last listener unless a new one is given). */
    resume(onProgress?: ProgressListener, trainOptions?: Partial<TrainOptions>): Promise<TrainOutcome> {
      assertNotTraining('resume');
      const listener = onProgress ?? lastListener;
      if (!run || run.ended || !listener) {
        throw new TrainerError('There is no paused run to resume: start a new one.');
      }
      return runLoop(run, listener, { ...lastOptions, ...trainOptions });
    },

    /** Ends the loop after the current chunk; train()/resume() then resolve with 'paused'. */
    pause(): Promise<void> {
      return endLoop('pause');
    },

    /** Ends the run for good (it cannot be resumed); the weights stay as the live model. */
    async stop(): Promise<void> {
      if (loop) return endLoop('stop');
      if (run) {
        run.ended = true;
        run.close();
      }
    },

    /** One mini-batch of the current run, starting a run if there is none; evaluates at an epoch's end. */
    async step(): Promise<TrainOutcome> {
      assertNotTraining('step');
      requireDataset('test');
      const r = run && !run.ended ? run : await startRun(lastOptions.pointsPerEpoch);
      const startedMs = performance.now();
      const samplesBefore = r.trainer.samplesSeen;
      let result: ReturnType<TrainingRun['step']>;
      let diverged: boolean;
      try {
        result = r.step(true);
        diverged = result.diverged || r.checkpointIfDue();
        r.trainer.syncParams();
      } catch (error) {
        r.ended = true;
        r.close();
        throw error;
      }
      const endedMs = performance.now();
      r.addTrainingTime(r.trainer.samplesSeen - samplesBefore, endedMs - startedMs, endedMs);
      if (diverged) {
        return {
          reason: 'diverged',
          divergence: r.recoverFromDivergence(result.report),
          progress: r.flush(),
        };
      }
      if (result.epochEnded) await evaluateNow(r, true, lastOptions.evaluationSubsetSize);
      if (result.finished) {
        r.ended = true;
        r.close();
      }
      return { reason: result.finished ? 'finished' : 'paused', progress: r.flush(), divergence: null };
    },

    /** Stops any run and puts the seed's initial weights into the live model (the same seed, the same weights). */
    async reset(): Promise<void> {
      await endLoop('stop');
      closeRun();
      live = { params: initialNetwork(config), config, name: 'Untrained', metrics: {}, history: null };
    },

    evaluate(slot: ModelSlot, split: MnistSplit, limit?: number): EvaluationResult {
      const result = evaluateModel(modelParamsOf(slot), requireDataset(split), limit, kernels);
      return transfer(result, [
        result.confusion.buffer,
        result.perClassAccuracy.buffer,
        result.predictions.buffer,
        result.confidences.buffer,
      ]);
    },

    /** One digit (784 values in [0, 1]) through a model; answered between training chunks. */
    predict(input: Float32Array, slot: ModelSlot): PredictionResult {
      const params = modelParamsOf(slot);
      const dense = denseParamsOf(params);
      const { logits, probabilities, activations } = dense
        ? predictOne(dense, input)
        : predictLayersOne(layerParamsOf(params), input, kernels);
      return transfer({ logits, probabilities, activations }, [
        logits.buffer,
        probabilities.buffer,
        ...activations.map((a) => a.buffer),
      ]);
    },

    /** The slot's hidden layers as text, and whether any is a conv or pool layer. */
    getArchitecture(slot: ModelSlot): { architecture: string; convolutional: boolean } {
      const params = modelParamsOf(slot);
      return { architecture: architectureOf(params), convolutional: denseParamsOf(params) === null };
    },

    hasModel(slot: ModelSlot): boolean {
      return slot === 'default' ? defaultModel !== null : live !== null;
    },

    /** Reads a .dlm file into a slot; loading into 'live' ends any run. A bad file leaves the slot unchanged. */
    async loadModel(bytes: Uint8Array, slot: ModelSlot): Promise<ModelSummary> {
      const model = deserializeModel(bytes);
      // Either slot takes any network: the default one holds whichever shipped network the page chose.
      if (slot === 'default') {
        defaultModel = model;
      } else {
        await endLoop('stop');
        closeRun();
        live = {
          params: model.params,
          config: model.config,
          name: model.name,
          metrics: model.metrics,
          history: model.history ?? null,
        };
        if (model.config) config = model.config;
      }
      return {
        name: model.name,
        layerSizes: denseParamsOf(model.params)?.layerSizes ?? [],
        architecture: architectureOf(model.params),
        config: model.config,
        metrics: model.metrics,
      };
    },

    /**
     * The slot's model as a .dlm file (the bytes are transferred). `history` (the page keeps a run's curves)
     * replaces the history the model came with; undefined keeps that one.
     */
    getModel(slot: ModelSlot, history?: ModelHistory | null): Uint8Array {
      const file = slot === 'default' ? defaultModelFile() : liveModelFile();
      const bytes = serializeModel(history === undefined ? file : { ...file, history });
      return transfer(bytes, [bytes.buffer]);
    },
  };

  function defaultModelFile(): ModelFile {
    if (!defaultModel) throw new TrainerError('The default model is not loaded.');
    return defaultModel;
  }

  function liveModelFile(): ModelFile {
    if (!live) throw new TrainerError('There is no trained model yet: start or step training first.');
    let metrics = live.metrics;
    // While the live weights are a run's, its latest whole-test-set evaluation describes them.
    if (run && run.params === live.params) {
      const test = run.lastTest;
      const epochs = run.trainer.samplesSeen / requireDataset('train').count;
      metrics = test ? { testAccuracy: test.accuracy, testLoss: test.loss, epochs } : { epochs };
    }
    return {
      name: live.name,
      createdAt: new Date().toISOString(),
      params: live.params,
      config: live.config,
      metrics,
      history: live.history,
    };
  }

  return api;
}

export type TrainerApi = ReturnType<typeof createTrainerApi>;
