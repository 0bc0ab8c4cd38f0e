// The networks that come with the app, served as static files beside it (public/models/).

export type ShippedModelId = 'reference' | 'convolutional';

export interface ShippedModel {
  readonly id: ShippedModelId;
  /** What the page calls it. */
  readonly label: string;
  /** Relative to the page, so a build served from any sub-path finds it. */
  readonly url: string;
  /**
   * The CLI command that reproduces the file's weights bit for bit (its date and epoch timings differ). Without
   * --float16 it writes the float32 original that tests/nn keeps beside the shipped file.
   */
  readonly command: string;
}

export const SHIPPED_MODELS: readonly ShippedModel[] = [
  {
    id: 'reference',
    label: 'Reference 784-200-100-25-10',
    url: './models/default.dlm',
    command:
      'npm run train -- --seed 2 --augment --epochs 30 --decay 0.92 --engine wasm --float16 --out public/models/default.dlm --name "Reference 784-200-100-25-10"',
  },
  {
    id: 'convolutional',
    label: 'Convolutional',
    url: './models/cnn.dlm',
    command:
      'npm run train -- --layers "conv 8@5x5, pool 2, conv 16@5x5, pool 2, dense 100" --optimizer adam --lr 0.003 --decay 0.8 --batch 64 --epochs 15 --seed 1 --engine wasm --augment --float16 --out public/models/cnn.dlm --name "Convolutional 8@5x5-16@5x5-100"',
  },
];

export function shippedModel(id: ShippedModelId): ShippedModel {
  const model = SHIPPED_MODELS.find((m) => m.id === id);
  if (!model) throw new Error(`no shipped model "${id}"`);
  return model;
}
