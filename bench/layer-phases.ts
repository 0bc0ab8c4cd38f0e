// Times each layer's forward and backward pass alone at batch 128 (cnn-step.ts --phases): where a step's time goes.
import { conv2dBackward, conv2dForward } from '../src/nn/conv2d';
import { denseBackward, denseForward } from '../src/nn/dense';
import type { Kernels } from '../src/nn/kernels';
import { formatLayer } from '../src/nn/layer';
import type { LayerNetworkParams } from '../src/nn/layer-network';
import { layerBackward, layerForward } from '../src/nn/layer-pass';
import { resolveLayers } from '../src/nn/layer-shapes';
import { createLayerWorkspace } from '../src/nn/layer-workspace';
import { maxPoolBackward, maxPoolForward } from '../src/nn/max-pool';
import { PIXEL_SCALE } from '../src/nn/sparse-rows';
import { REFERENCE_CONFIG, type Dataset } from '../src/nn/types';

const REPEATS = 20;

function medianMs(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < REPEATS + 2; i++) {
    const started = performance.now();
    run();
    if (i >= 2) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Milliseconds per phase ("conv 8@5x5 forward", …, "softmax+loss backward") on the first batch of `train`. */
export function timePhases(
  params: LayerNetworkParams,
  train: Dataset,
  kernels: Kernels,
): Record<string, number> {
  const rows = REFERENCE_CONFIG.batchSize;
  const plan = resolveLayers(params.layers, { channels: 1, height: train.rows, width: train.cols });
  const ws = createLayerWorkspace(plan, rows, kernels);
  for (let i = 0; i < rows * train.rows * train.cols; i++) ws.input[i] = PIXEL_SCALE[train.images[i]];
  layerForward(params, ws, rows, kernels);
  layerBackward(params, ws, train.labels, null, 0, rows, kernels);
  const phases: Record<string, number> = {};
  phases['whole forward'] = medianMs(() => layerForward(params, ws, rows, kernels));
  phases['whole backward'] = medianMs(() => layerBackward(params, ws, train.labels, null, 0, rows, kernels));
  let weighted = 0;
  ws.steps.forEach((step, i) => {
    const name = i < params.layers.length ? formatLayer(params.layers[i]) : 'output dense';
    const input = i > 0 ? ws.outputs[i - 1] : ws.input;
    const dInput = ws.passesGradient[i] ? ws.gradients[i - 1] : null;
    const [out, dOut] = [ws.outputs[i], ws.gradients[i]];
    // The backward passes mask dOut in place (dense) or not at all: repeating one is repeating the same work.
    if (step.kind === 'conv') {
      const [W, b, dW, db] = [params.W[weighted], params.b[weighted], ws.dW[weighted], ws.db[weighted]];
      const g = step.geometry;
      phases[`${name} forward`] = medianMs(() =>
        conv2dForward(out, input, W, b, rows, g, step.scratch, kernels),
      );
      phases[`${name} backward`] = medianMs(() =>
        conv2dBackward(dInput, dW, db, dOut, out, input, W, rows, g, step.scratch, kernels),
      );
      weighted++;
    } else if (step.kind === 'pool') {
      const g = step.geometry;
      phases[`${name} forward`] = medianMs(() => maxPoolForward(out, step.argmax, input, rows, g, kernels));
      if (dInput !== null) {
        phases[`${name} backward`] = medianMs(() => maxPoolBackward(dInput, dOut, step.argmax, rows, g));
      }
    } else {
      const [W, b, dW, db] = [params.W[weighted], params.b[weighted], ws.dW[weighted], ws.db[weighted]];
      const { inputs, units, relu } = step;
      phases[`${name} forward`] = medianMs(() =>
        denseForward(out, input, W, b, rows, inputs, units, relu, kernels),
      );
      phases[`${name} backward`] = medianMs(() =>
        denseBackward(dInput, dW, db, dOut, out, input, W, rows, inputs, units, relu, kernels),
      );
      weighted++;
    }
  });
  return phases;
}
