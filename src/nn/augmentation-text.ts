// Distortion settings as people write them: short names (the CLI's flags) and "rotate 15, elastic 0" text.
import { augmentationProblem, DEFAULT_AUGMENTATION, type Augmentation } from './augmentation';

/** Each setting's short name, as the CLI's flags, the Train form and links write it. */
export const AUGMENTATION_SETTINGS: readonly {
  readonly name: string;
  readonly transform: keyof Augmentation;
  readonly setting: string;
}[] = [
  { name: 'rotate', transform: 'affine', setting: 'rotationDegrees' },
  { name: 'scale', transform: 'affine', setting: 'scale' },
  { name: 'shear', transform: 'affine', setting: 'shear' },
  { name: 'shift', transform: 'affine', setting: 'translatePixels' },
  { name: 'affine-p', transform: 'affine', setting: 'probability' },
  { name: 'elastic', transform: 'elastic', setting: 'alpha' },
  { name: 'elastic-sigma', transform: 'elastic', setting: 'sigma' },
  { name: 'elastic-p', transform: 'elastic', setting: 'probability' },
  { name: 'stroke', transform: 'strokeWidth', setting: 'strength' },
  { name: 'stroke-p', transform: 'strokeWidth', setting: 'probability' },
];

const valueOf = (a: Augmentation, transform: keyof Augmentation, setting: string): number =>
  (a[transform] as unknown as Record<string, number>)[setting];

/** The defaults with the given settings (short name → value) changed; a message when a name or value is wrong. */
export function augmentationWith(values: Readonly<Record<string, number>>): Augmentation | string {
  const settings: Record<keyof Augmentation, Record<string, number>> = {
    affine: { ...DEFAULT_AUGMENTATION.affine },
    elastic: { ...DEFAULT_AUGMENTATION.elastic },
    strokeWidth: { ...DEFAULT_AUGMENTATION.strokeWidth },
  };
  for (const [name, value] of Object.entries(values)) {
    const known = AUGMENTATION_SETTINGS.find((s) => s.name === name);
    if (!known)
      return `unknown distortion setting "${name}" (${AUGMENTATION_SETTINGS.map((s) => s.name).join(', ')})`;
    settings[known.transform][known.setting] = value;
  }
  const augmentation = settings as unknown as Augmentation;
  const problem = augmentationProblem(augmentation);
  if (problem === null) return augmentation;
  const named = AUGMENTATION_SETTINGS.find((s) =>
    problem.startsWith(`augmentation ${s.transform} ${s.setting} `),
  );
  return named ? `${named.name}: ${problem}` : problem;
}

/** "rotate 15, scale 0.15, …": every setting, in the order of AUGMENTATION_SETTINGS. */
export function formatAugmentation(a: Augmentation): string {
  return AUGMENTATION_SETTINGS.map((s) => `${s.name} ${valueOf(a, s.transform, s.setting)}`).join(', ');
}

/** Reads formatAugmentation's text (any subset, in any order; ':' or '=' may join a name and its value). */
export function parseAugmentation(text: string): Augmentation | string {
  const values: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^([a-z-]+)\s*[\s:=]\s*(-?[0-9.]+(?:e-?[0-9]+)?)$/i.exec(part);
    if (!match) return `"${part}" should be a setting and a number, such as "rotate 15"`;
    values[match[1].toLowerCase()] = Number(match[2]);
  }
  return augmentationWith(values);
}
