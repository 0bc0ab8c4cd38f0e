// Vitest global setup for the browser tests: make sure dist/ holds a current build before any test starts.
import { ensureBuilt } from './build';

export default function setup(): void {
  ensureBuilt();
}
