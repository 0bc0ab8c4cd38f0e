// Times each WebAssembly matrix kernel at the reference network's shapes on real MNIST batches (a table on stdout).
//   npx tsx bench/kernel-micro.ts [--wasm a.wasm --wasm b.wasm ...] [--reps 40] [--only sparse]
// Several --wasm builds are timed in one process, interleaved call set by call set, so a noisy machine slows
// them alike; each cell is the median over repetitions of the mean time of one call over the batches, and
// the fastest repetition (what the call costs when no other process took the core).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadMnistFromDisk } from '../src/data/mnist-node';
import { backwardBatch } from '../src/nn/backward';
import { createBatchWorkspace, type BatchWorkspace } from '../src/nn/batch-workspace';
import { forwardBatch, prepareFirstLayer } from '../src/nn/forward';
import { typescriptKernels } from '../src/nn/kernels';
import { createNetwork } from '../src/nn/network';
import { SeededRandom } from '../src/nn/random';
import { fillSparseRows } from '../src/nn/sparse-rows';
import { Trainer } from '../src/nn/trainer';
import { REFERENCE_CONFIG, type NetworkParams } from '../src/nn/types';
import { KERNEL_WASM_PATH } from '../src/wasm/load-kernels-node';
import type { KernelModuleExports } from '../src/wasm/wasm-kernels';

const SIZES = [784, 200, 100, 25, 10];
const ROWS = REFERENCE_CONFIG.batchSize;
const STEPS_PER_EPOCH = Math.ceil(60_000 / ROWS);
/** Training steps before the operands are taken, so ReLU zeros and gradients look like mid-training ones. */
const TRAINING_STEPS = 200;
const BATCHES = 8;
const WARM_UP_REPS = 5;

const { values: options } = parseArgs({
  options: {
    wasm: { type: 'string', multiple: true },
    reps: { type: 'string', default: '40' },
    only: { type: 'string' },
  },
});
const wasmPaths = options.wasm ?? [KERNEL_WASM_PATH];
const reps = Number(options.reps);

/** The operands of one batch, computed by the TypeScript kernels after some real training. */
interface BatchOperands {
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float32Array;
  outputs: Float32Array[];
  dZ: Float32Array[];
}

function prepareOperands(): { params: NetworkParams; batches: BatchOperands[]; firstWeightsT: Float32Array } {
  const train = loadMnistFromDisk('train');
  const params = createNetwork(SIZES, REFERENCE_CONFIG.seed);
  const trainer = new Trainer(params, REFERENCE_CONFIG, train, typescriptKernels);
  for (let s = 0; s < TRAINING_STEPS; s++) trainer.step();
  const ws: BatchWorkspace = createBatchWorkspace(SIZES, ROWS);
  const random = new SeededRandom(7);
  const batches: BatchOperands[] = [];
  prepareFirstLayer(trainer.params, ws);
  for (let b = 0; b < BATCHES; b++) {
    const order = Uint32Array.from({ length: ROWS }, () => Math.floor(random.nextFloat() * train.count));
    fillSparseRows(ws.input, train.images, 784, order, 0, ROWS);
    forwardBatch(trainer.params, ws, typescriptKernels, ROWS);
    backwardBatch(trainer.params, ws, typescriptKernels, train.labels, order, 0, ROWS);
    const nonZero = ws.input.rowStart[ROWS];
    batches.push({
      rowStart: ws.input.rowStart.slice(0, ROWS + 1),
      columns: ws.input.columns.slice(0, nonZero),
      values: ws.input.values.slice(0, nonZero),
      outputs: ws.outputs.map((x) => x.slice()),
      dZ: ws.dZ.map((x) => x.slice()),
    });
  }
  return { params: trainer.params, batches, firstWeightsT: ws.firstWeightsT.slice() };
}

function transposed(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
  return out;
}

/** One module instance with every operand copied into its memory once. */
class Placed {
  readonly exports: KernelModuleExports;
  private top: number;
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;

  constructor(exports: KernelModuleExports) {
    this.exports = exports;
    this.top = (exports.heapBase() + 63) & ~63;
    this.f32 = new Float32Array(exports.memory.buffer);
    this.i32 = new Int32Array(exports.memory.buffer);
  }

  put(array: Float32Array | Int32Array): number {
    const at = this.top;
    if (array instanceof Int32Array) this.i32.set(array, at >> 2);
    else this.f32.set(array, at >> 2);
    this.top = (at + array.length * 4 + 63) & ~63;
    return at;
  }

  reserve(bytes: number): number {
    const at = this.top;
    this.top = (at + bytes + 63) & ~63;
    return at;
  }

  read(at: number, length: number): Float32Array {
    return this.f32.slice(at >> 2, (at >> 2) + length);
  }
}

interface Case {
  name: string;
  outLength: number;
  /** Runs the kernel on batch b; returns the output address. */
  run(module: ModuleOperands, b: number): number;
  /** The TypeScript kernels' answer for batch b. */
  expected(b: number): Float32Array;
}

interface ModuleOperands {
  placed: Placed;
  out: number;
  scratch: number;
  batches: {
    rowStart: number;
    columns: number;
    values: number;
    outputs: number[];
    dZ: number[];
  }[];
  W: number[];
  Wt: number[];
  firstWeightsT: number;
}

async function main(): Promise<void> {
  const { params, batches, firstWeightsT } = prepareOperands();
  const Wt = params.W.map((w, l) => transposed(w, SIZES[l + 1], SIZES[l]));

  const modules: { path: string; operands: ModuleOperands }[] = [];
  for (const path of wasmPaths) {
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(path)), {});
    const placed = new Placed(instance.exports as unknown as KernelModuleExports);
    modules.push({
      path,
      operands: {
        placed,
        out: placed.reserve(4 * 784 * 200),
        scratch: placed.reserve(1 << 20),
        batches: batches.map((batch) => ({
          rowStart: placed.put(batch.rowStart),
          columns: placed.put(batch.columns),
          values: placed.put(batch.values),
          outputs: batch.outputs.map((x) => placed.put(x)),
          dZ: batch.dZ.map((x) => placed.put(x)),
        })),
        W: params.W.map((w) => placed.put(w)),
        Wt: Wt.map((w) => placed.put(w)),
        firstWeightsT: placed.put(firstWeightsT),
      },
    });
  }

  const cases: Case[] = [
    {
      name: 'sparseMatmul S·W0ᵀ 128x784x200',
      outLength: ROWS * 200,
      run: (o, b) => {
        const x = o.batches[b];
        o.placed.exports.sparseMatmul(
          o.out,
          x.rowStart,
          x.columns,
          x.values,
          o.firstWeightsT,
          ROWS,
          200,
          o.scratch,
        );
        return o.out;
      },
      expected: (b) => {
        const out = new Float32Array(ROWS * 200);
        typescriptKernels.sparseMatmul(out, batches[b], firstWeightsT, ROWS, 200);
        return out;
      },
    },
    {
      name: 'sparseMatmulAtB Sᵀ·dZ0 784x128x200',
      outLength: 784 * 200,
      run: (o, b) => {
        const x = o.batches[b];
        o.placed.exports.sparseMatmulAtB(
          o.out,
          x.rowStart,
          x.columns,
          x.values,
          x.dZ[0],
          ROWS,
          784,
          200,
          o.scratch,
        );
        return o.out;
      },
      expected: (b) => {
        const out = new Float32Array(784 * 200);
        typescriptKernels.sparseMatmulAtB(out, batches[b], batches[b].dZ[0], ROWS, 784, 200);
        return out;
      },
    },
  ];
  // Every dense product of a step: forward A·Wᵀ (as A·(Wᵀ)), dW = dZᵀ·A, and dZ below = dZ·W.
  for (let l = 1; l < SIZES.length - 1; l++) {
    const [inputs, units] = [SIZES[l], SIZES[l + 1]];
    cases.push(
      {
        name: `matmul A·Wᵀ ${ROWS}x${inputs}x${units}`,
        outLength: ROWS * units,
        run: (o, b) => {
          o.placed.exports.matmul(
            o.out,
            o.batches[b].outputs[l - 1],
            o.Wt[l],
            ROWS,
            inputs,
            units,
            inputs,
            1,
            o.scratch,
          );
          return o.out;
        },
        expected: (b) => {
          const out = new Float32Array(ROWS * units);
          typescriptKernels.matmul(out, batches[b].outputs[l - 1], Wt[l], ROWS, inputs, units);
          return out;
        },
      },
      {
        name: `matmul dZᵀ·A ${units}x${ROWS}x${inputs}`,
        outLength: units * inputs,
        run: (o, b) => {
          const x = o.batches[b];
          o.placed.exports.matmul(o.out, x.dZ[l], x.outputs[l - 1], units, ROWS, inputs, 1, units, o.scratch);
          return o.out;
        },
        expected: (b) => {
          const out = new Float32Array(units * inputs);
          typescriptKernels.matmulAtB(out, batches[b].dZ[l], batches[b].outputs[l - 1], units, ROWS, inputs);
          return out;
        },
      },
      {
        name: `matmul dZ·W ${ROWS}x${units}x${inputs}`,
        outLength: ROWS * inputs,
        run: (o, b) => {
          o.placed.exports.matmul(
            o.out,
            o.batches[b].dZ[l],
            o.W[l],
            ROWS,
            units,
            inputs,
            units,
            1,
            o.scratch,
          );
          return o.out;
        },
        expected: (b) => {
          const out = new Float32Array(ROWS * inputs);
          typescriptKernels.matmul(out, batches[b].dZ[l], params.W[l], ROWS, units, inputs);
          return out;
        },
      },
    );
  }
  const selected = cases.filter((c) => !options.only || c.name.includes(options.only));

  // Correctness first: largest difference from the TypeScript kernel, relative to the largest output.
  const worst = modules.map(() => 0);
  for (const c of selected) {
    for (let b = 0; b < BATCHES; b++) {
      const expected = c.expected(b);
      const scale = expected.reduce((s, v) => Math.max(s, Math.abs(v)), 1e-30);
      modules.forEach(({ operands }, index) => {
        new Float32Array(operands.placed.exports.memory.buffer, operands.out, c.outLength).fill(NaN);
        const at = c.run(operands, b);
        const actual = operands.placed.read(at, c.outLength);
        for (let i = 0; i < c.outLength; i++) {
          const difference = Math.abs(actual[i] - expected[i]) / scale;
          worst[index] = Math.max(worst[index], Number.isNaN(difference) ? Infinity : difference);
        }
      });
    }
  }

  const timesMs = selected.map(() => modules.map((): number[] => []));
  for (let rep = 0; rep < WARM_UP_REPS + reps; rep++) {
    selected.forEach((c, caseIndex) => {
      for (let shift = 0; shift < modules.length; shift++) {
        const index = (rep + shift) % modules.length;
        const { operands } = modules[index];
        const startedMs = performance.now();
        for (let b = 0; b < BATCHES; b++) c.run(operands, b);
        const perCallMs = (performance.now() - startedMs) / BATCHES;
        if (rep >= WARM_UP_REPS) timesMs[caseIndex][index].push(perCallMs);
      }
    });
  }

  const median = (xs: number[]): number => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[sorted.length >> 1];
  };
  const nonZero = batches.reduce((s, b) => s + b.rowStart[ROWS], 0) / BATCHES;
  const zeroShare = (pick: (b: BatchOperands) => Float32Array): string => {
    const arrays = batches.map(pick);
    const zeros = arrays.reduce((s, a) => s + a.filter((v) => v === 0).length, 0);
    return `${((100 * zeros) / arrays.reduce((s, a) => s + a.length, 0)).toFixed(0)}%`;
  };
  console.log(
    `${BATCHES} MNIST batches of ${ROWS} (mean ${nonZero.toFixed(0)} lit pixels), ${reps} reps; zeros: ` +
      SIZES.slice(1, -1)
        .map((_, l) => `A${l + 1} ${zeroShare((b) => b.outputs[l])}, dZ${l + 1} ${zeroShare((b) => b.dZ[l])}`)
        .join(', '),
  );
  modules.forEach((m, i) =>
    console.log(`[${i}] ${m.path}  (max relative difference ${worst[i].toExponential(1)})`),
  );
  const header = [
    'kernel'.padEnd(36),
    ...modules.map((_, i) => `[${i}] ms/call (fastest)  ms/epoch`.padStart(34)),
  ];
  console.log(header.join(''));
  const totals = modules.map(() => 0);
  selected.forEach((c, caseIndex) => {
    const cells = modules.map((_, i) => {
      const ms = median(timesMs[caseIndex][i]);
      const fastest = Math.min(...timesMs[caseIndex][i]);
      totals[i] += ms * STEPS_PER_EPOCH;
      return `${ms.toFixed(4).padStart(14)} (${fastest.toFixed(4)})${(ms * STEPS_PER_EPOCH).toFixed(1).padStart(10)}`;
    });
    console.log([c.name.padEnd(36), ...cells].join(''));
  });
  console.log(['total'.padEnd(36), ...totals.map((t) => `${t.toFixed(1).padStart(34)}`)].join(''));
}

await main();
