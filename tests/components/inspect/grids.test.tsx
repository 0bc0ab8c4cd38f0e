// @vitest-environment jsdom
// The canvas grids: one canvas each, values and dead units readable from the keyboard, Enter opens a unit.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActivationGrid } from '../../../src/components/inspect/ActivationGrid';
import { WeightImages } from '../../../src/components/inspect/WeightImages';
import { cellAtPoint, gridColumns, moveCell } from '../../../src/components/inspect/grid-cursor';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
afterEach(cleanup);

describe('grid geometry', () => {
  it('lays 200 units in rows of 20 and 25 as a 5x5 square', () => {
    expect(gridColumns(200)).toBe(20);
    expect(gridColumns(100)).toBe(10);
    expect(gridColumns(25)).toBe(5);
  });

  it('maps points to cells and stays inside the grid with the keys', () => {
    const shape = { columns: 20, count: 200 };
    expect(cellAtPoint(shape, 0, 0, 400, 200)).toBe(0);
    expect(cellAtPoint(shape, 399, 199, 400, 200)).toBe(199);
    expect(cellAtPoint(shape, 25, 45, 400, 200)).toBe(41);
    expect(cellAtPoint(shape, 401, 0, 400, 200)).toBeNull();
    expect(moveCell(shape, 190, 'ArrowDown')).toBe(190);
    expect(moveCell(shape, 5, 'ArrowUp')).toBe(5);
    expect(moveCell(shape, 199, 'ArrowRight')).toBe(199);
    expect(moveCell(shape, 20, 'ArrowUp')).toBe(0);
    expect(moveCell(shape, 3, 'x')).toBeNull();
  });
});

describe('ActivationGrid', () => {
  const values = Float32Array.from({ length: 25 }, (_, j) => (j % 3 === 0 ? 0 : j / 10));
  const dead = Uint8Array.from({ length: 25 }, (_, j) => (j === 3 ? 1 : 0));
  const fires = Int32Array.from({ length: 25 }, (_, j) => (j === 3 ? 0 : 500));

  it('summarises the layer and reads unit values from the keyboard', async () => {
    const onSelect = vi.fn();
    render(
      <ActivationGrid
        layer={2}
        values={values}
        dead={dead}
        fireCounts={fires}
        samples={1000}
        selectedUnit={null}
        onSelectUnit={onSelect}
      />,
    );
    const canvas = screen.getByRole('img', { name: /Hidden layer 3: 25 units, 16 firing/ });
    expect(canvas.getAttribute('aria-label')).toMatch(/strongest unit 23 at 2\.30, 1 never fire/);
    canvas.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByText(/Unit 2/).closest('p')).toHaveTextContent(
      'Unit 2: 0.200 · fires on 50% of test digits',
    );
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByText(/Unit 3/).closest('p')).toHaveTextContent(
      /dead: fires on none of the 1,000 test digits/,
    );
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(2, 8);
  });
});

describe('WeightImages', () => {
  it('draws all units into a single canvas and opens the unit chosen with the keyboard', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <WeightImages
        weights={new Float32Array(200 * 784)}
        units={200}
        side={28}
        dead={null}
        selectedUnit={null}
        onSelectUnit={onSelect}
      />,
    );
    expect(container.querySelectorAll('canvas')).toHaveLength(1);
    const canvas = screen.getByTestId('weight-images');
    expect(canvas).toHaveAttribute('width', String(20 * 30 - 2));
    canvas.focus();
    await userEvent.keyboard('{End}{ArrowUp}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(179);
  });
});
