// Running bench/numpy_reference.py from a test: the same start and batches in, its losses and weights compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** W0, b0, W1, b1, ... one after another, as the twin reads weights.bin and writes numpy-weights.bin. */
export function flattenTensors(W: readonly Float32Array[], b: readonly Float32Array[]): Float32Array {
  const parts = W.flatMap((w, l) => [w, b[l]]);
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Node's small Buffers share a pooled ArrayBuffer; copy the bytes out before viewing them as numbers. */
function copyOut(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export interface TwinRun {
  /** What the twin reads from manifest.json: batchSize, learningRate, beta, steps, count and layerSizes or layers. */
  readonly manifest: Record<string, unknown> & { readonly steps: number };
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  /** The epoch's sample order the steps took their batches from. */
  readonly order: Uint32Array;
  /** flattenTensors of the weights before and after our steps, and our loss per step. */
  readonly initial: Float32Array;
  readonly final: Float32Array;
  readonly losses: readonly number[];
}

/**
 * Runs the twin's --agreement in float32 on the same start and batches and expects its losses within 1e-4
 * relative and its weights within 1e-3 of ours, and the weights to have moved far more than that.
 */
export function expectTwinAgreement(label: string, run: TwinRun): void {
  const dir = mkdtempSync(join(tmpdir(), 'digit-lab-numpy-'));
  try {
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(run.manifest));
    writeFileSync(join(dir, 'weights.bin'), bytesOf(run.initial));
    writeFileSync(join(dir, 'images.bin'), run.images);
    writeFileSync(join(dir, 'labels.bin'), run.labels);
    writeFileSync(join(dir, 'order.bin'), bytesOf(run.order));
    const twin = spawnSync(
      'python3',
      ['bench/numpy_reference.py', '--agreement', dir, '--dtype', 'float32'],
      {
        encoding: 'utf8',
      },
    );
    expect(twin.status, twin.stderr).toBe(0);
    const numpyLosses = new Float64Array(copyOut(readFileSync(join(dir, 'numpy-losses.bin'))));
    const numpyWeights = new Float32Array(copyOut(readFileSync(join(dir, 'numpy-weights.bin'))));

    expect(numpyLosses).toHaveLength(run.manifest.steps);
    let worstLoss = 0;
    run.losses.forEach((loss, i) => {
      const relative = Math.abs(loss - numpyLosses[i]) / numpyLosses[i];
      worstLoss = Math.max(worstLoss, relative);
      expect(relative, `step ${i}: ${loss} vs NumPy ${numpyLosses[i]}`).toBeLessThan(1e-4);
    });
    expect(numpyWeights).toHaveLength(run.final.length);
    let worst = 0;
    let moved = 0;
    for (let i = 0; i < run.final.length; i++) {
      worst = Math.max(worst, Math.abs(run.final[i] - numpyWeights[i]));
      moved = Math.max(moved, Math.abs(run.final[i] - run.initial[i]));
    }
    console.log(
      `${label}: worst loss rel ${worstLoss.toExponential(2)}, worst weight diff ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThan(1e-3);
    // The check means something only if training moved the weights far more than the tolerance.
    expect(moved).toBeGreaterThan(0.05);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
