// Data-parallel mini-batch training: each batch is split across a team of workers sharing one memory; the
// leader (this object) shuffles, signals the two phases of a step and adds up what the workers report.
import { contributorsOf, type DataParallelShard } from './data-parallel-shard';
import type { Kernels } from './kernels';
import type { MiniBatchTrainer } from './mini-batch-trainer';
import type { ModelParams } from './model-params';
import { EpochPosition } from './epoch-position';
import { SeededRandom } from './random';
import { SHUFFLE_STREAM } from './trainer';
import type { NetworkParams, StepReport, TrainingConfig } from './types';

/** Running sums a team fills in from its other workers' phase-one results. */
export interface GradientTotals {
  lossSum: number;
  correct: number;
}

/**
 * The other workers of a run, however they run (threads signalled through shared memory, or one after the
 * other in this thread). Each phase is started, the leader does its own part, then the phase is finished.
 */
export interface ShardTeam {
  /** Workers in the team, the leader included. */
  readonly size: number;
  startGradients(start: number, batchRows: number, epoch: number): void;
  /** Waits for the other workers' phase one and adds their loss sums and correct counts to `totals`. */
  finishGradients(totals: GradientTotals): void;
  startUpdate(step: number, learningRateScale: number, contributors: number): void;
  finishUpdate(): void;
}

/** `P`: the weights' form, NetworkParams for a dense network (TrainingShard), else LayerNetworkParams. */
export class ShardedTrainer<P extends ModelParams = NetworkParams> implements MiniBatchTrainer {
  readonly config: TrainingConfig;
  readonly kernels: Kernels;
  private readonly shard: DataParallelShard<P>;
  private readonly team: ShardTeam;
  private readonly order: Uint32Array;
  private readonly random: SeededRandom;
  private readonly totals: GradientTotals = { lossSum: 0, correct: 0 };
  private readonly position: EpochPosition;
  private updates = 0;
  /** People's weights may lag the master since the last step (a dense network's W[0]); syncParams() catches up. */
  private paramsStale = false;

  /**
   * `shard` is the leader's (worker 0); `order` the shared sample order every shard reads (filled and
   * shuffled here, as a LayerTrainer or Trainer shuffles its own); `initial` the starting weights, copied in.
   */
  constructor(
    shard: DataParallelShard<P>,
    team: ShardTeam,
    order: Uint32Array,
    config: TrainingConfig,
    initial: P,
    kernels: Kernels,
  ) {
    if (shard.worker !== 0) throw new Error('the leader of a sharded run is worker 0');
    if (team.size !== shard.layout.workers) {
      throw new Error(`the layout has ${shard.layout.workers} workers but the team ${team.size}`);
    }
    this.shard = shard;
    this.team = team;
    this.order = order;
    this.config = config;
    this.kernels = kernels;
    this.position = new EpochPosition(order.length, config.batchSize);
    this.random = new SeededRandom((config.seed ^ SHUFFLE_STREAM) >>> 0);
    for (let i = 0; i < order.length; i++) order[i] = i;
    shard.loadParams(initial);
  }

  get params(): P {
    this.syncParams();
    return this.shard.params;
  }
  get epoch(): number {
    return this.position.epoch;
  }
  get batchInEpoch(): number {
    return this.position.batch;
  }
  get batchesPerEpoch(): number {
    return this.position.batchesPerEpoch;
  }
  get samplesSeen(): number {
    return this.position.samplesSeen;
  }
  get workers(): number {
    return this.team.size;
  }

  paramsChanged(): void {
    this.shard.paramsChanged();
    this.paramsStale = false;
  }

  /**
   * A dense network's shard writes the transposed first layer back into people's W[0] (0.1 ms for 784×200):
   * once when someone reads the weights, not in every step, where it was 5–8% of the step.
   */
  syncParams(): void {
    if (!this.paramsStale) return;
    this.shard.refreshParams();
    this.paramsStale = false;
  }

  /** One batch across the team: the same batches and the same result as a Trainer, up to summation order. */
  step(): StepReport {
    const position = this.position;
    if (position.batch === 0) this.random.shuffle(this.order);
    const learningRateScale = (this.config.learningRateDecay ?? 1) ** position.epoch;
    const start = position.batchStart;
    const rows = position.batchRows;

    this.team.startGradients(start, rows, position.epoch);
    const own = this.shard.computeGradients(start, rows, position.epoch);
    this.totals.lossSum = own.lossSum;
    this.totals.correct = own.correct;
    this.team.finishGradients(this.totals);

    this.updates++;
    const contributors = contributorsOf(this.shard.layout, rows);
    this.team.startUpdate(this.updates, learningRateScale, contributors);
    this.shard.applyUpdate(this.updates, learningRateScale, contributors);
    this.team.finishUpdate();
    this.paramsStale = true;

    return position.advance(this.totals.lossSum / rows, this.totals.correct / rows);
  }
}

/** A team whose other workers are shards in this thread, run one after the other (tests, and a baseline). */
export class InThreadTeam implements ShardTeam {
  readonly size: number;
  private readonly others: readonly DataParallelShard[];
  private start = 0;
  private epoch = 0;
  private batchRows = 0;
  private step = 0;
  private learningRateScale = 1;
  private contributors = 0;

  /** `others`: workers 1 … n−1, in order. */
  constructor(others: readonly DataParallelShard[]) {
    this.others = others;
    this.size = others.length + 1;
  }

  startGradients(start: number, batchRows: number, epoch: number): void {
    this.epoch = epoch;
    this.start = start;
    this.batchRows = batchRows;
  }

  finishGradients(totals: GradientTotals): void {
    for (const shard of this.others) {
      const result = shard.computeGradients(this.start, this.batchRows, this.epoch);
      totals.lossSum += result.lossSum;
      totals.correct += result.correct;
    }
  }

  startUpdate(step: number, learningRateScale: number, contributors: number): void {
    this.step = step;
    this.learningRateScale = learningRateScale;
    this.contributors = contributors;
  }

  finishUpdate(): void {
    for (const shard of this.others) shard.applyUpdate(this.step, this.learningRateScale, this.contributors);
  }
}
