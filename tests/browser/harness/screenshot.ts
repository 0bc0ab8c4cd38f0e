// Screenshots a route of the built app: npx tsx tests/browser/harness/screenshot.ts '#/train' out.png 1280x800 [ready]
// With "ready" as the fourth argument it waits for the MNIST data to finish loading first.
import { ensureBuilt } from './build';
import { launchBrowser, openApp, waitForDatasetReady } from './browser';
import { startStaticServer } from './static-server';

const [route = '#/draw', out = 'screenshot.png', size = '1280x800', wait] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);

ensureBuilt();
const server = await startStaticServer();
const browser = await launchBrowser();
try {
  const app = await openApp(browser, server, route, { viewport: { width, height } });
  if (wait === 'ready') await waitForDatasetReady(app.page);
  await app.page.screenshot({ path: out, fullPage: true });
  if (app.consoleErrors.length > 0) console.log(`console errors:\n${app.consoleErrors.join('\n')}`);
  console.log(`wrote ${out} (${width}x${height})`);
} finally {
  await browser.close();
  await server.close();
}
