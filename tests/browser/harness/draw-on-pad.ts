// Draws strokes on a canvas with real mouse events: down, many small moves along each polyline, up.
import type { Locator, Page } from 'playwright-core';

/** Each stroke is a list of [x, y] fractions (0..1) of the pad's width and height. */
export async function drawOnPad(
  page: Page,
  pad: Locator,
  strokes: readonly (readonly (readonly [number, number])[])[],
): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not on screen');
  for (const stroke of strokes) {
    const points = stroke.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height] as const);
    await page.mouse.move(points[0][0], points[0][1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(x, y, { steps: 6 });
    await page.mouse.up();
  }
}
