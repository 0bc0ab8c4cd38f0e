// axe-core's WCAG 2.1 A/AA check of a page as it is now, for the whole document or only some of its parts.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

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
