// A second deployment of the built app: a copy of dist/ whose index.html changed, with the service worker's precache revision to match.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR } from './paths';

export interface NextBuild {
  readonly root: string;
  /** The id written into its index.html as <meta name="digit-lab-build" content="…">. */
  readonly buildId: string;
  remove(): void;
}

/**
 * Copies `from` (default dist/) and changes index.html as a new deployment would, then sets index.html's
 * revision in sw.js to the new file's MD5, exactly what Workbox's injectManifest writes. The service worker
 * script's bytes change with it, so a browser that checks for an update finds a new version to install.
 * data/ (the 11 MB MNIST files) is linked, not copied.
 */
export function makeNextBuild(buildId: string, from = DIST_DIR): NextBuild {
  const root = mkdtempSync(join(tmpdir(), 'digit-lab-next-build-'));
  for (const entry of readdirSync(from)) {
    if (entry === 'data') symlinkSync(join(from, entry), join(root, entry));
    else cpSync(join(from, entry), join(root, entry), { recursive: true });
  }
  const pagePath = join(root, 'index.html');
  const oldPage = readFileSync(pagePath);
  const newPage = oldPage
    .toString('utf8')
    .replace('</head>', `  <meta name="digit-lab-build" content="${buildId}" />\n  </head>`);
  if (newPage === oldPage.toString('utf8')) throw new Error(`${pagePath} has no </head> to mark`);
  writeFileSync(pagePath, newPage);

  const md5 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest('hex');
  const swPath = join(root, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const oldEntry = `{"revision":"${md5(oldPage)}","url":"index.html"}`;
  if (!sw.includes(oldEntry)) throw new Error(`${swPath} does not precache index.html as ${oldEntry}`);
  writeFileSync(swPath, sw.replace(oldEntry, `{"revision":"${md5(newPage)}","url":"index.html"}`));
  return { root, buildId, remove: () => rmSync(root, { recursive: true, force: true }) };
}
