// axe-core in the built app: WCAG 2.1 A/AA violations of the page as it is (or some of its parts), at a desktop
// and a phone size.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const AXE_SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const DESKTOP = AXE_SIZES[0];

export interface Violation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/**
 * axe-core's WCAG 2.1 A/AA violations (axe is injected once per document). `include` (CSS selectors) limits the
 * check to those parts of the page; the whole document by default.
 */
export async function axeViolations(page: Page, include: readonly string[] = []): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(c: object, o: object): Promise<AxeResults> } }).axe;
      const context = include.length > 0 ? { include: include.map((selector) => [selector]) } : document;
      const results = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      // A check that applied no rule (tags misspelt, an empty page) would pass vacuously.
      const rulesApplied = results.passes.length + results.violations.length + results.incomplete.length;
      if (rulesApplied < 10) throw new Error(`axe applied only ${rulesApplied} rules to ${location.href}`);
      return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
    },
    { tags: WCAG_TAGS, include },
  );
}

/** Lets a resize reach the layout (media queries, ResizeObserver-driven charts) before axe reads it. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.waitForTimeout(300);
}

/**
 * Runs axe on the page's current state at both sizes and adds one readable line per rule broken, e.g.
 * "[Inspect @ 390x844] color-contrast (serious) on 2 elements: <help> — <targets> — <what to fix>".
 * Leaves the page at the desktop size.
 */
export async function checkState(page: Page, state: string, found: string[]): Promise<void> {
  for (const size of AXE_SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    for (const v of await axeViolations(page)) {
      const targets = v.nodes.slice(0, 4).map((n) => n.target);
      if (v.nodes.length > 4) targets.push(`and ${v.nodes.length - 4} more`);
      found.push(
        `[${state} @ ${size.width}x${size.height}] ${v.rule} (${v.impact}) on ${v.nodes.length} ` +
          `element${v.nodes.length === 1 ? '' : 's'}: ${v.help} — ${targets.join(' | ')} — ${v.nodes[0].summary}`,
      );
    }
  }
  await page.setViewportSize(DESKTOP);
  await settle(page);
}

export function expectNoViolations(found: readonly string[]): void {
  expect(found, `axe-core found WCAG 2.1 A/AA violations:\n${found.join('\n')}`).toEqual([]);
}
