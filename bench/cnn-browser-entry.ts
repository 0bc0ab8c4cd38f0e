// The page side of bench/cnn-chromium.ts: trains a layer list on the given kernels build, timing its steps.
import { parseLayerList } from '../src/nn/layer-list';
import { createLayerNetwork } from '../src/nn/layer-network';
import { LayerTrainer } from '../src/nn/layer-trainer';
import { REFERENCE_CONFIG, type Dataset } from '../src/nn/types';
import { instantiateKernels } from '../src/wasm/instantiate-kernels';

/** Median and fastest milliseconds per step of `steps` timed steps after `warmUp`, on the build at `wasmUrl`. */
export async function timeSteps(
  wasmUrl: string,
  layers: string,
  warmUp: number,
  steps: number,
): Promise<{ medianMs: number; fastestMs: number }> {
  const [wasm, images, labels] = await Promise.all(
    [wasmUrl, 'images.bin', 'labels.bin'].map(
      async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()),
    ),
  );
  const kernels = await instantiateKernels(await WebAssembly.compile(wasm));
  const train: Dataset = { images, labels, count: labels.length, rows: 28, cols: 28 };
  const params = createLayerNetwork(parseLayerList(layers), 1);
  const trainer = new LayerTrainer(params, { ...REFERENCE_CONFIG, learningRate: 0.1 }, train, kernels);
  const times: number[] = [];
  for (let i = 0; i < warmUp + steps; i++) {
    const started = performance.now();
    trainer.step();
    if (i >= warmUp) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], fastestMs: times[0] };
}
