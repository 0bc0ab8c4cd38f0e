// How often each hidden unit or channel fires over a dataset, so the inspector can mark dead ReLUs (never firing).

export interface UnitStats {
  /** Samples seen. */
  readonly samples: number;
  /** Per hidden layer, per unit: how many samples gave it an activation above zero. */
  readonly fireCounts: Int32Array[];
  /** Per hidden layer, per unit: mean post-ReLU activation over the samples. */
  readonly meanActivations: Float32Array[];
  /** Per hidden layer, per unit: largest activation seen. */
  readonly maxActivations: Float32Array[];
}

/**
 * Accumulates batches of post-ReLU activations; `finish()` turns the sums into UnitStats. A conv or pool layer's
 * units are its channels: a channel's activation for a sample is the largest value of its map, so it fires when
 * any pixel of its map does (planeSizes[l] = H·W; 1, the default, for dense layers).
 */
export class UnitStatsAccumulator {
  private samples = 0;
  private readonly fireCounts: Int32Array[];
  private readonly sums: Float64Array[];
  private readonly maxima: Float32Array[];

  private readonly planeSizes: readonly number[];

  constructor(
    private readonly hiddenSizes: readonly number[],
    planeSizes?: readonly number[],
  ) {
    this.planeSizes = planeSizes ?? hiddenSizes.map(() => 1);
    this.fireCounts = hiddenSizes.map((units) => new Int32Array(units));
    this.sums = hiddenSizes.map((units) => new Float64Array(units));
    this.maxima = hiddenSizes.map((units) => new Float32Array(units));
  }

  /** `layerOutputs[l]` holds `rows` samples × hiddenSizes[l] × planeSizes[l] activations (extra rows ignored). */
  add(layerOutputs: readonly Float32Array[], rows: number): void {
    for (let l = 0; l < this.hiddenSizes.length; l++) {
      const units = this.hiddenSizes[l];
      const plane = this.planeSizes[l];
      const a = layerOutputs[l];
      if (a.length < rows * units * plane) {
        throw new Error(
          `layer ${l + 1} holds ${a.length} values, fewer than ${rows} rows × ${units} units × ${plane}`,
        );
      }
      const fires = this.fireCounts[l];
      const sums = this.sums[l];
      const maxima = this.maxima[l];
      for (let r = 0; r < rows; r++) {
        const o = r * units * plane;
        for (let j = 0; j < units; j++) {
          let value = a[o + j * plane];
          for (let p = 1; p < plane; p++) {
            const v = a[o + j * plane + p];
            if (v > value) value = v;
          }
          if (value > 0) {
            fires[j]++;
            sums[j] += value;
            if (value > maxima[j]) maxima[j] = value;
          }
        }
      }
    }
    this.samples += rows;
  }

  finish(): UnitStats {
    const n = this.samples;
    return {
      samples: n,
      fireCounts: this.fireCounts.map((c) => c.slice()),
      meanActivations: this.sums.map((s) => Float32Array.from(s, (v) => (n === 0 ? 0 : v / n))),
      maxActivations: this.maxima.map((m) => m.slice()),
    };
  }
}

/** Per hidden layer, 1 for each unit that never fired on any sample, else 0. */
export function deadUnits(stats: UnitStats): Uint8Array[] {
  return stats.fireCounts.map((counts) => Uint8Array.from(counts, (c) => (c === 0 ? 1 : 0)));
}
