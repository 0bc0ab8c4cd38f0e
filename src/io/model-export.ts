// Turns a model into a downloadable file: Digit Lab's own .dlm (with config and metrics) or a NumPy .npz (weights).
import { serializeModel, type ModelFile } from '../nn/model-file';
import type { ModelFileFormat } from './model-import';
import { networkToNpz } from './network-npz';

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mimeType: string;
}

/** A name safe on every file system: letters, digits, dashes and dots. */
export function fileSafeName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return safe === '' ? 'model' : safe.slice(0, 80);
}

export function exportModelFile(model: ModelFile, format: ModelFileFormat): ExportedFile {
  const stem = fileSafeName(model.name);
  if (format === 'dlm') {
    return { bytes: serializeModel(model), fileName: `${stem}.dlm`, mimeType: 'application/octet-stream' };
  }
  return { bytes: networkToNpz(model.params), fileName: `${stem}.npz`, mimeType: 'application/zip' };
}
