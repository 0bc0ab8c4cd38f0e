// Screenshots a route of the built app: npx tsx tests/browser/harness/screenshot.ts '#/train' out.png 1280x800 [ready|draw|cnn|compare|compare-curves]
// "ready" waits for the MNIST data to finish loading first. "cnn" imports the shipped CNN (public/models/cnn.dlm)
// through the Models place first and, on #/inspect, waits for its feature maps and the analysis. "draw" draws a 7 on the Draw pad, waits for the
// network's reading and captures only the viewport: what a person sees while drawing, without scrolling.
// "compare" (on '#/models') ticks both shipped models, waits for their curves and captures the viewport from the
// comparison down; "compare-curves" the same from the curves down.
import { ensureBuilt } from './build';
import { launchBrowser, openApp, waitForDatasetReady } from './browser';
import { compareShippedModels } from './compare-shipped-models';
import { drawOnPad } from './draw-on-pad';
import { importModelFile } from './import-model';
import { startStaticServer } from './static-server';
import { DRAWN_DIGITS } from '../draw-strokes';

const [route = '#/draw', out = 'screenshot.png', size = '1280x800', wait] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);

ensureBuilt();
const server = await startStaticServer();
const browser = await launchBrowser();
try {
  const app = await openApp(browser, server, route, { viewport: { width, height } });
  if (wait === 'ready') await waitForDatasetReady(app.page);
  if (wait === 'cnn') {
    await importModelFile(app.page, server, 'public/models/cnn.dlm');
    await app.page.goto(server.url(route));
    await waitForDatasetReady(app.page);
    if (route === '#/inspect') {
      await app.page.getByTestId('feature-maps-canvas-0').waitFor({ timeout: 60_000 });
      await app.page.getByTestId('confusion-matrix').waitFor({ timeout: 180_000 });
    }
  }
  if (wait === 'draw') {
    const seven = DRAWN_DIGITS.find((d) => d.digit === 7)!;
    await drawOnPad(app.page, app.page.getByTestId('drawing-pad'), seven.strokes);
    await app.page
      .getByRole('status')
      .filter({ hasText: /^Predicted \d/ })
      .waitFor({ timeout: 30_000 });
  }
  if (wait === 'compare') await compareShippedModels(app.page);
  if (wait === 'compare-curves') await compareShippedModels(app.page, 30_000, '.compare-curves__title');
  const viewportOnly = wait === 'draw' || wait === 'compare' || wait === 'compare-curves';
  await app.page.screenshot({ path: out, fullPage: !viewportOnly });
  if (app.consoleErrors.length > 0) console.log(`console errors:\n${app.consoleErrors.join('\n')}`);
  console.log(`wrote ${out} (${width}x${height})`);
} finally {
  await browser.close();
  await server.close();
}
