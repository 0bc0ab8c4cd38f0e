// @vitest-environment jsdom
// A CNN's views: the feature maps read channel by channel from the keyboard and the pointer, the filters open a
// channel, the opened channel shows its map and filter, and the tile geometry and painting behind them.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FeatureMaps, mapGrid, paintMaps } from '../../../src/components/inspect/FeatureMaps';
import { FilterImages, filterGrid, paintFilter } from '../../../src/components/inspect/FilterImages';
import { ChannelDetail } from '../../../src/components/inspect/ChannelDetail';
import { tileAt, tileGrid, tileOrigin } from '../../../src/components/inspect/map-tiles';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
afterEach(cleanup);

/** 3 channels of 4×4: channel 0 peaks at (2, 1) with 0.9, channel 1 is silent, channel 2 is 0.3 everywhere. */
const shape = { kind: 'conv' as const, channels: 3, height: 4, width: 4 };
const values = new Float32Array(48);
values[2 * 4 + 1] = 0.9;
values.fill(0.3, 32, 48);

function image(width: number, height: number): ImageData {
  return { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
}

describe('tile geometry', () => {
  it('finds the tile and the cell under a point, and nothing in a gap cell or past the last tile', () => {
    const grid = tileGrid(5, 4, 4, 4, 16, 2);
    expect(grid.scale).toBe(4);
    expect([grid.width, grid.height]).toEqual([4 * 18, 2 * 18]);
    expect(tileOrigin(grid, 5 - 1)).toEqual({ x: 0, y: 18 });
    expect(tileAt(grid, 0, 0)).toEqual({ tile: 0, cell: { y: 0, x: 0 } });
    expect(tileAt(grid, 18 + 13, 7)).toEqual({ tile: 1, cell: { y: 1, x: 3 } });
    expect(tileAt(grid, 17, 3)).toEqual({ tile: 0, cell: null });
    expect(tileAt(grid, 18 + 1, 18 + 1)).toBeNull();
  });

  it('lays a deeper filter out as a block of one tile per input channel', () => {
    const first = filterGrid(8, 1, 5);
    const deeper = filterGrid(16, 8, 5);
    expect(first.columns).toBe(8);
    expect(deeper.columns).toBe(2);
    expect(deeper.rows).toBe(8);
    // 8 tiles of 5×4 pixels with 2-pixel gaps, then the 10-pixel gap between blocks.
    expect(deeper.width).toBe(2 * (8 * 20 + 7 * 2 + 10));
  });
});

describe('painting', () => {
  it('paints a map on the sequential scale, zeros grey, a dead channel pale grey', () => {
    const grid = mapGrid(shape);
    const target = image(grid.width, grid.height);
    paintMaps(target, grid, values, 0.9, Uint8Array.of(0, 0, 1));
    const at = (x: number, y: number) =>
      Array.from(target.data.subarray((y * target.width + x) * 4, (y * target.width + x) * 4 + 3));
    const s = grid.scale;
    expect(at(1 * s, 2 * s)).toEqual([8, 29, 88]); // the peak: the darkest blue
    expect(at(0, 0)).toEqual([238, 240, 243]); // exactly zero
    expect(at(tileOrigin(grid, 2).x, 0)).toEqual([213, 217, 223]); // dead
  });

  it('paints a filter with zero white and its own largest weight at full colour', () => {
    const W = Float32Array.of(0, 0.5, -1, 0); // one filter, 1 channel of 2×2
    const target = image(2, 2);
    paintFilter(target, W, 0, 1, 2, 1, { x: 0, y: 0 });
    expect(Array.from(target.data.subarray(0, 3))).toEqual([247, 247, 247]);
    expect(Array.from(target.data.subarray(8, 11))).toEqual([33, 102, 172]);
  });
});

describe('FeatureMaps', () => {
  it('summarises the layer, reads each channel from the keyboard, and opens one with Enter', async () => {
    const onSelect = vi.fn();
    render(
      <FeatureMaps
        layer={0}
        shape={shape}
        values={values}
        dead={Uint8Array.of(0, 1, 0)}
        fireCounts={Int32Array.of(400, 0, 1000)}
        samples={1000}
        selectedChannel={null}
        onSelectChannel={onSelect}
      />,
    );
    const canvas = screen.getByRole('img', { name: /Layer 1: convolution: 3 channel maps of 4×4 pixels/ });
    expect(canvas.getAttribute('aria-label')).toMatch(
      /2 with a pixel above zero, the largest value 0\.90, 1 never fire/,
    );
    expect(screen.getByText(/3 maps of 4×4 · 2 firing · 1 dead/)).toBeInTheDocument();
    act(() => canvas.focus());
    expect(screen.getByTestId('feature-maps-readout-0')).toHaveTextContent(
      'Channel 0, strongest pixel (row 2, column 1): 0.900 · fires on 40% of test digits',
    );
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByTestId('feature-maps-readout-0')).toHaveTextContent(
      'Channel 1, strongest pixel (row 0, column 0): 0.000 · dead: fires on none of the 1,000 test digits',
    );
    await userEvent.keyboard('{End}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(0, 2);
  });

  it('reads the pixel under the pointer', () => {
    render(
      <FeatureMaps
        layer={1}
        shape={{ ...shape, kind: 'pool' }}
        values={values}
        dead={null}
        fireCounts={null}
        samples={0}
        selectedChannel={null}
        onSelectChannel={() => undefined}
      />,
    );
    const canvas = screen.getByTestId('feature-maps-canvas-1');
    const grid = mapGrid(shape);
    // The canvas is drawn at its own size: CSS pixels are canvas pixels here.
    canvas.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: grid.width, height: grid.height }) as DOMRect;
    fireEvent.pointerMove(canvas, { clientX: 1 * grid.scale + 1, clientY: 2 * grid.scale + 1 });
    expect(screen.getByTestId('feature-maps-readout-1')).toHaveTextContent(
      'Channel 0 (row 2, column 1): 0.900',
    );
    expect(screen.getByText(/Layer 2: max-pooling/)).toBeInTheDocument();
  });
});

describe('FilterImages and ChannelDetail', () => {
  const W = Float32Array.from({ length: 4 * 2 * 9 }, (_, i) => Math.sin(i));

  it('labels the filters, marks a dead one, and opens a filter from the keyboard', async () => {
    const onSelect = vi.fn();
    render(
      <FilterImages
        layer={2}
        weights={W}
        filters={4}
        channels={2}
        size={3}
        dead={Uint8Array.of(0, 0, 1, 0)}
        selectedFilter={null}
        onSelectFilter={onSelect}
      />,
    );
    const canvas = screen.getByRole('img', {
      name: /Layer 3: 4 filters of 3×3, each as 2 tiles, one per input channel/,
    });
    canvas.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByText(/Filter 2 \(its map is dead on the test set\)/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(2, 2);
  });

  it("shows a conv channel's map beside its filter, with its bias and firing, and closes", async () => {
    const onClose = vi.fn();
    const info = {
      kind: 'conv' as const,
      input: { channels: 1, height: 4, width: 4 },
      output: { channels: 3, height: 4, width: 4 },
      weightIndex: 0,
      size: 3,
      padding: 1,
    };
    render(
      <ChannelDetail
        layer={0}
        channel={0}
        shape={shape}
        values={values}
        info={info}
        W={Float32Array.from({ length: 27 }, (_, i) => i - 13)}
        b={Float32Array.of(-0.25, 0, 0)}
        fires={400}
        samples={1000}
        onClose={onClose}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Layer 1 (convolution), channel 0' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Channel 0's 4×4 map/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Filter 0: one 3×3 kernel/ })).toBeInTheDocument();
    expect(screen.getByText('-0.250')).toBeInTheDocument();
    expect(screen.getByText('40.0% of test digits')).toBeInTheDocument();
    expect(screen.getByText('0.900 at row 2, column 1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('explains that a pooling channel has no filter', () => {
    render(
      <ChannelDetail
        layer={1}
        channel={2}
        shape={{ ...shape, kind: 'pool' }}
        values={values}
        info={null}
        W={null}
        b={null}
        fires={null}
        samples={0}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText(/A pooling channel has no filter/)).toBeInTheDocument();
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });
});
