// Samples per second over a sliding window of about a second, so the figure follows speed changes quickly.

interface Mark {
  readonly atMs: number;
  readonly samples: number;
  readonly busyMs: number;
}

export class ThroughputMeter {
  private readonly windowMs: number;
  private marks: Mark[] = [];

  constructor(windowMs = 1500) {
    this.windowMs = windowMs;
  }

  /** Records that `samples` more were trained in the `busyMs` of work that ended at `atMs`. */
  add(samples: number, busyMs: number, atMs: number): void {
    this.marks.push({ atMs, samples, busyMs });
    while (this.marks.length > 2 && atMs - this.marks[0].atMs > this.windowMs) this.marks.shift();
  }

  /** Samples per second of training time (pauses and evaluations do not count); 0 before any measurement. */
  get samplesPerSecond(): number {
    let samples = 0;
    let busyMs = 0;
    for (const mark of this.marks) {
      samples += mark.samples;
      busyMs += mark.busyMs;
    }
    return busyMs > 0 ? (samples * 1000) / busyMs : 0;
  }

  reset(): void {
    this.marks = [];
  }
}
