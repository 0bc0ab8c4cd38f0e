// Running bench/numpy_reference.py from a test: whether NumPy is here, and passing tensors to it as raw bytes.
import { spawnSync } from 'node:child_process';

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

export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Node's small Buffers share a pooled ArrayBuffer; copy the bytes out before viewing them as numbers. */
export function copyOut(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Runs the twin's --agreement on `dir` in float32; its exit status and stderr. */
export function runTwinAgreement(dir: string): { status: number | null; stderr: string } {
  const run = spawnSync('python3', ['bench/numpy_reference.py', '--agreement', dir, '--dtype', 'float32'], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}
