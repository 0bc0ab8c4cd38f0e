// Where the harness finds the project and its build, whatever folder the tests are started from.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST_DIR = join(PROJECT_ROOT, 'dist');
