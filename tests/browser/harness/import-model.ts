// Opens a model file through the Models place's import, as a person does: it becomes the live model.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import type { StaticServer } from './static-server';
import { poll } from './poll';

/** Imports `path` (a .dlm) on #/models and waits until it is the current model. */
export async function importModelFile(page: Page, server: StaticServer, path: string): Promise<void> {
  await page.goto(server.url('#/models'));
  const name = page.getByTestId('current-model-name');
  await name.waitFor({ timeout: 60_000 });
  const before = await name.textContent();
  await page.getByTestId('model-file-input').setInputFiles({
    name: basename(path),
    mimeType: 'application/octet-stream',
    buffer: readFileSync(path),
  });
  await poll(
    () => name.textContent(),
    (text) => text !== before,
    60_000,
    `the imported ${basename(path)} as the current model`,
  );
}
