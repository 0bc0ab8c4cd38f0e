// Where a mini-batch trainer is in its run (epoch, batch, samples) and the report of each step it takes.
import type { StepReport } from './types';

export class EpochPosition {
  readonly batchesPerEpoch: number;
  private readonly batchSize: number;
  private readonly trainCount: number;
  private epochIndex = 0;
  private batchIndex = 0;
  private samples = 0;

  constructor(trainCount: number, batchSize: number) {
    this.trainCount = trainCount;
    this.batchSize = batchSize;
    this.batchesPerEpoch = Math.ceil(trainCount / batchSize);
  }

  /** Completed epochs (= 0-based index of the epoch the next step belongs to). */
  get epoch(): number {
    return this.epochIndex;
  }
  /** 0-based index of the next batch within its epoch. */
  get batch(): number {
    return this.batchIndex;
  }
  get samplesSeen(): number {
    return this.samples;
  }
  /** Index in the epoch's order of the next batch's first sample. */
  get batchStart(): number {
    return this.batchIndex * this.batchSize;
  }
  /** Rows in the next batch (the last of an epoch may be short). */
  get batchRows(): number {
    return Math.min(this.batchSize, this.trainCount - this.batchStart);
  }

  /** The report of the batch just trained (at the current position), then moves past it. */
  advance(loss: number, accuracy: number): StepReport {
    const rows = this.batchRows;
    const report: StepReport = {
      epoch: this.epochIndex,
      batch: this.batchIndex,
      batchesPerEpoch: this.batchesPerEpoch,
      samplesSeen: this.samples + rows,
      loss,
      accuracy,
    };
    this.samples += rows;
    this.batchIndex++;
    if (this.batchIndex === this.batchesPerEpoch) {
      this.batchIndex = 0;
      this.epochIndex++;
    }
    return report;
  }
}
