// Every buffer a layer-list network's forward and backward pass needs, allocated once per batch size.
import { convGeometryOf, createConvScratch, type ConvGeometry, type ConvScratch } from './conv2d';
import { sizeOf, type LayerPlan } from './layer-shapes';
import type { Kernels } from './kernels';
import type { PoolGeometry } from './max-pool';
import { PIXEL_SCALE } from './sparse-rows';

/** What the pass needs per layer beyond its outputs: geometry and scratch, made once so a step allocates nothing. */
export type StepBuffers =
  | { readonly kind: 'conv'; readonly geometry: ConvGeometry; readonly scratch: ConvScratch }
  | { readonly kind: 'pool'; readonly geometry: PoolGeometry; readonly argmax: Int32Array }
  | { readonly kind: 'dense'; readonly inputs: number; readonly units: number; readonly relu: boolean };

export interface LayerWorkspace {
  /** Largest batch the buffers hold. */
  readonly capacity: number;
  /** The batch's images, capacity × (C·H·W), scaled to [0, 1]. */
  readonly input: Float32Array;
  /** outputs[i] (capacity × the layer's C·H·W): post-ReLU maps and units; the last, the softmax probabilities. */
  readonly outputs: Float32Array[];
  /** gradients[i]: the loss's gradient w.r.t. outputs[i] (the last: w.r.t. the logits, (P − Y)/m). */
  readonly gradients: Float32Array[];
  readonly steps: StepBuffers[];
  /** Whether layer i passes a gradient to its input: only when a layer below it has weights. */
  readonly passesGradient: boolean[];
  /** Per weighted layer, shaped as W and b. */
  readonly dW: Float32Array[];
  readonly db: Float32Array[];
}

/**
 * `allocators` place the buffers (Kernels' allocate and allocateInt32: in WebAssembly memory, where its
 * kernels read and write them without copies). `gradientTensors`, when given, are the dW and db to write
 * (a data-parallel worker's views of its gradient vector in shared memory) instead of new ones.
 */
export function createLayerWorkspace(
  plan: LayerPlan,
  capacity: number,
  allocators: Pick<Kernels, 'allocate' | 'allocateInt32'> = {},
  gradientTensors?: Pick<LayerWorkspace, 'dW' | 'db'>,
): LayerWorkspace {
  const allocate = (length: number) => allocators.allocate?.(length) ?? new Float32Array(length);
  const allocateInt32 = (length: number) => allocators.allocateInt32?.(length) ?? new Int32Array(length);
  const outputs: Float32Array[] = [];
  const gradients: Float32Array[] = [];
  const steps: StepBuffers[] = [];
  const dW: Float32Array[] = [];
  const db: Float32Array[] = [];
  for (const step of plan.steps) {
    const outputSize = capacity * sizeOf(step.output);
    outputs.push(allocate(outputSize));
    gradients.push(allocate(outputSize));
    if (step.weightIndex >= 0) {
      const given = gradientTensors && {
        dW: gradientTensors.dW[step.weightIndex],
        db: gradientTensors.db[step.weightIndex],
      };
      if (
        given &&
        (given.dW.length !== step.weightRows * step.weightCols || given.db.length !== step.weightRows)
      ) {
        throw new Error('the gradient tensors do not have the shapes of the layer list');
      }
      dW.push(given?.dW ?? allocate(step.weightRows * step.weightCols));
      db.push(given?.db ?? allocate(step.weightRows));
    }
    const { layer, input, output } = step;
    if (layer.kind === 'conv') {
      const geometry = convGeometryOf(input, output, layer.size, layer.padding);
      steps.push({ kind: 'conv', geometry, scratch: createConvScratch(geometry, allocate) });
    } else if (layer.kind === 'pool') {
      const geometry = { ...input, size: layer.size, outHeight: output.height, outWidth: output.width };
      steps.push({ kind: 'pool', geometry, argmax: allocateInt32(outputSize) });
    } else {
      steps.push({ kind: 'dense', inputs: sizeOf(input), units: layer.units, relu: step.relu });
    }
  }
  const passesGradient = plan.steps.map((_, i) =>
    plan.steps.slice(0, i).some((below) => below.weightIndex >= 0),
  );
  const input = allocate(capacity * sizeOf(plan.input));
  return { capacity, input, outputs, gradients, steps, passesGradient, dW, db };
}

/** Puts images order[start .. start + rows) (`pixels` bytes each), scaled to [0, 1], into ws.input's first rows. */
export function fillLayerInput(
  ws: LayerWorkspace,
  images: Uint8Array,
  pixels: number,
  order: Uint32Array,
  start: number,
  rows: number,
): void {
  const input = ws.input;
  for (let r = 0; r < rows; r++) {
    const image = order[start + r] * pixels;
    for (let p = 0; p < pixels; p++) input[r * pixels + p] = PIXEL_SCALE[images[image + p]];
  }
}
