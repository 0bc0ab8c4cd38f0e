// Notices a run that has blown up and keeps a copy of the last weights that were still training sanely.
import type { ModelParams } from '../nn/model-params';

/** The weights the guard copies: any network's W and b, whatever its layers. */
type Weights = Pick<ModelParams, 'W' | 'b'>;

function cloneWeights(p: Weights): Weights {
  return { W: p.W.map((w) => w.slice()), b: p.b.map((v) => v.slice()) };
}

function copyWeightsInto(dst: Weights, src: Weights): void {
  for (let i = 0; i < src.W.length; i++) {
    dst.W[i].set(src.W[i]);
    dst.b[i].set(src.b[i]);
  }
}

export interface DivergenceSettings {
  /**
   * A batch loss above this counts as blown up. The loss is clipped (a confident wrong answer costs ~27.6),
   * so a diverged network shows a huge but finite loss rather than NaN; guessing uniformly costs ln(10) ≈ 2.3.
   */
  readonly lossCeiling: number;
  /** The mean loss of this many recent batches above the ceiling means divergence (one bad batch is allowed). */
  readonly patience: number;
  /** Weights are checkpointed every this many clean steps. */
  readonly checkpointEverySteps: number;
}

export const DEFAULT_DIVERGENCE_SETTINGS: DivergenceSettings = {
  lossCeiling: 4 * Math.log(10),
  patience: 8,
  checkpointEverySteps: 20,
};

function allFinite(params: Weights): boolean {
  return params.W.every(isFiniteTensor) && params.b.every(isFiniteTensor);
}

/**
 * One loop per call: nested in allFinite, Chromium's optimiser compiled the inner loop alone and dropped that
 * code at every exit from it, so the check ran mostly unoptimised.
 */
function isFiniteTensor(t: Float32Array): boolean {
  for (let i = 0; i < t.length; i++) if (!Number.isFinite(t[i])) return false;
  return true;
}

export class DivergenceGuard {
  private readonly params: Weights;
  private readonly settings: DivergenceSettings;
  /** What restore() brings back: weights that were followed by a whole interval of sane losses. */
  private readonly good: Weights;
  /** Taken at the start of the current interval; promoted to `good` if the interval stays sane. */
  private readonly candidate: Weights;
  private goodAtSample: number;
  private candidateAtSample: number;
  private stepsInInterval = 0;
  private intervalClean = true;
  /** The last `patience` batch losses, oldest overwritten first. */
  private readonly recent: Float64Array;
  private observed = 0;

  /** Brings `params` up to date before the guard reads them (a trainer may refresh some lazily). */
  private readonly beforeReading: () => void;

  constructor(
    params: Weights,
    samplesSeen: number,
    settings = DEFAULT_DIVERGENCE_SETTINGS,
    beforeReading: () => void = () => undefined,
  ) {
    this.params = params;
    this.beforeReading = beforeReading;
    this.settings = settings;
    this.good = cloneWeights(params);
    this.candidate = cloneWeights(params);
    this.goodAtSample = samplesSeen;
    this.candidateAtSample = samplesSeen;
    this.recent = new Float64Array(settings.patience);
  }

  /** Samples seen when the weights restore() brings back were current. */
  get restorePointSample(): number {
    return this.goodAtSample;
  }

  /** Call after every step with its batch loss; true means the run diverged and should stop. */
  observe(loss: number, samplesSeen: number): boolean {
    return this.observeLoss(loss) || this.checkpointIfDue(samplesSeen);
  }

  /**
   * The per-step half of observe(): the loss window only. A training loop calls checkpointIfDue() itself
   * where it pauses anyway (between chunks): a checkpoint inside a chunk stalls every worker of a
   * data-parallel run, and each stall costs about a step again as the idle threads wake.
   */
  observeLoss(loss: number): boolean {
    if (!Number.isFinite(loss)) return true;
    // A blown-up network can wander back to a calmer loss for a batch or two, so judge a window, not a streak.
    this.recent[this.observed % this.recent.length] = loss;
    this.observed++;
    if (loss > this.settings.lossCeiling) this.intervalClean = false;
    if (this.observed >= this.recent.length) {
      let sum = 0;
      for (const value of this.recent) sum += value;
      if (sum / this.recent.length > this.settings.lossCeiling) return true;
    }
    this.stepsInInterval++;
    return false;
  }

  /**
   * Once `checkpointEverySteps` steps were observed since the last checkpoint, takes one (true: the weights
   * are no longer finite, the run diverged); otherwise does nothing.
   */
  checkpointIfDue(samplesSeen: number): boolean {
    if (this.stepsInInterval >= this.settings.checkpointEverySteps) {
      // Checking every weight costs about as much as one small matrix product, once per interval.
      this.beforeReading();
      if (this.intervalClean && allFinite(this.params)) {
        copyWeightsInto(this.good, this.candidate);
        this.goodAtSample = this.candidateAtSample;
        copyWeightsInto(this.candidate, this.params);
        this.candidateAtSample = samplesSeen;
      } else if (!allFinite(this.params)) {
        return true;
      }
      this.stepsInInterval = 0;
      this.intervalClean = true;
    }
    return false;
  }

  /** Puts the last good weights back into the network being trained. */
  restore(): void {
    copyWeightsInto(this.params, this.good);
  }
}
