// `npx tsx scripts/handwriting/read-hand-drawn.ts [SET.json] [--sheet OUT.png]`: how the shipped networks read the
// hand-drawn set, overall, per digit, per style and per variation; optionally a contact sheet of the inputs.
import { readFileSync } from 'node:fs';
import type { Kernels } from '../../src/nn/kernels';
import { deserializeModel } from '../../src/nn/model-file';
import { denseParamsOf, layerParamsOf, type ModelParams } from '../../src/nn/model-params';
import { predictOne } from '../../src/nn/predict';
import { predictLayersOne } from '../../src/nn/predict-layers';
import { SHIPPED_MODELS } from '../../src/state/shipped-models';
import { loadWasmKernelsNode } from '../../src/wasm/load-kernels-node';
import { HAND_DRAWN_SET_PATH, loadHandDrawnSet, type HandDrawnDigit } from '../hand-drawn-set';
import { writeContactSheet } from './contact-sheet';

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

function readerOf(params: ModelParams, kernels: Kernels): (input: Float32Array) => number {
  const dense = denseParamsOf(params);
  if (dense) return (input) => argmax(predictOne(dense, input).probabilities);
  const layers = layerParamsOf(params);
  return (input) => argmax(predictLayersOne(layers, input, kernels).probabilities);
}

/** Share right per group, in the order groups first appear. */
function accuracyBy(
  digits: readonly HandDrawnDigit[],
  answers: readonly number[],
  groupOf: (d: HandDrawnDigit) => string,
): Map<string, { right: number; count: number }> {
  const groups = new Map<string, { right: number; count: number }>();
  digits.forEach((d, i) => {
    const g = groups.get(groupOf(d)) ?? { right: 0, count: 0 };
    g.count += 1;
    if (answers[i] === d.label) g.right += 1;
    groups.set(groupOf(d), g);
  });
  return groups;
}

const pct = (g: { right: number; count: number }) => `${((100 * g.right) / g.count).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sheetAt = args.indexOf('--sheet');
  const sheet = sheetAt >= 0 ? args[sheetAt + 1] : null;
  const path =
    args.find((a, i) => !a.startsWith('--') && (sheetAt < 0 || i !== sheetAt + 1)) ?? HAND_DRAWN_SET_PATH;
  const digits = loadHandDrawnSet(path);
  if (sheet) console.log(`contact sheet: ${writeContactSheet(digits, sheet)}`);
  const kernels = await loadWasmKernelsNode();
  const models = SHIPPED_MODELS.map((m) => {
    const file = `public/${m.url.replace(/^\.\//, '')}`;
    const params = deserializeModel(new Uint8Array(readFileSync(file))).params;
    return { label: m.label, file, read: readerOf(params, kernels) };
  });
  // No ink counts as a wrong answer (-1), never as skipped.
  const answers = models.map((m) => digits.map((d) => (d.input ? m.read(d.input) : -1)));
  console.log(
    `${digits.length} hand-drawn digits from ${path}; models: ${models.map((m) => `${m.label} (${m.file})`).join(', ')}`,
  );
  const tables: [string, (d: HandDrawnDigit) => string][] = [
    ['overall', () => 'all'],
    ['digit', (d) => String(d.label)],
    ['digit / style', (d) => `${d.label} ${d.style}`],
    ['variation', (d) => d.variation],
  ];
  for (const [title, groupOf] of tables) {
    const per = answers.map((a) => accuracyBy(digits, a, groupOf));
    console.log(`\n| ${title} | n | ${models.map((m) => m.label).join(' | ')} |`);
    console.log(`|---|---:|${models.map(() => '---:').join('|')}|`);
    for (const [group, first] of per[0])
      console.log(`| ${group} | ${first.count} | ${per.map((p) => pct(p.get(group)!)).join(' | ')} |`);
  }
  // What the most common mistakes are, per model: true → read.
  for (const [m, model] of models.entries()) {
    const confusions = new Map<string, number>();
    digits.forEach((d, i) => {
      if (answers[m][i] !== d.label) {
        const key = `${d.label}→${answers[m][i]}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    });
    const top = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`\n${model.label}: most common misreadings ${top.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  }
}

await main();
