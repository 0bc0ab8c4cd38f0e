// One conv or pool layer's feature maps for the current digit, one tile per channel; dead channels are crossed out.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { HiddenLayerShape } from '../../state/inspect-slice';
import { channelPeak } from './conv-numbers';
import { sequentialColour } from './colour-scales';
import { fillBlock, tileAt, tileGrid, tileOrigin, type TileGrid } from './map-tiles';
import { useGridCursor } from './useGridCursor';
import { ActivationLegend } from './ActivationLegend';
import { FireRateNote } from './FireRateNote';

export interface FeatureMapsProps {
  /** 0-based hidden layer. */
  readonly layer: number;
  readonly shape: HiddenLayerShape;
  /** The layer's post-ReLU output, channel-major (C, H, W). */
  readonly values: Float32Array;
  /** 1 for channels that fire on no test digit; null until the test set was measured. */
  readonly dead: Uint8Array | null;
  readonly fireCounts: Int32Array | null;
  readonly samples: number;
  readonly selectedChannel: number | null;
  onSelectChannel(layer: number, channel: number): void;
}

const SILENT: readonly [number, number, number] = [238, 240, 243];
const DEAD: readonly [number, number, number] = [213, 217, 223];

/** Channels a row: all of a small layer on one line, wider layers in rows of eight. */
export function mapColumns(channels: number): number {
  return Math.min(8, channels);
}

export function mapGrid(shape: HiddenLayerShape): TileGrid {
  return tileGrid(shape.channels, mapColumns(shape.channels), shape.height, shape.width, 56, 6);
}

/** Paints every channel's map into `image`: `max` is full colour, exact zeros grey, dead channels pale grey. */
export function paintMaps(
  image: ImageData,
  grid: TileGrid,
  values: Float32Array,
  max: number,
  dead: Uint8Array | null,
): void {
  const { cellsHigh, cellsWide, scale } = grid;
  const plane = cellsHigh * cellsWide;
  const inverse = max > 0 ? 1 / max : 0;
  // One colour per map cell, filled into its scale×scale block: the colour scale runs once per value, not per pixel.
  for (let c = 0; c < grid.count; c++) {
    const origin = tileOrigin(grid, c);
    for (let cy = 0; cy < cellsHigh; cy++) {
      for (let cx = 0; cx < cellsWide; cx++) {
        const value = values[c * plane + cy * cellsWide + cx];
        const colour = dead?.[c] ? DEAD : value > 0 ? sequentialColour(value * inverse) : SILENT;
        fillBlock(image, origin.x + cx * scale, origin.y + cy * scale, scale, colour);
      }
    }
  }
}

function kindName(kind: HiddenLayerShape['kind']): string {
  return kind === 'conv' ? 'Convolution' : 'Max-pooling';
}

export function FeatureMaps(props: FeatureMapsProps) {
  const { layer, shape, values, dead, fireCounts, samples, selectedChannel, onSelectChannel } = props;
  const grid = mapGrid(shape);
  const cursor = useGridCursor({ columns: grid.columns, count: grid.count }, selectedChannel, (channel) =>
    onSelectChannel(layer, channel),
  );
  const [hovered, setHovered] = useState<{ channel: number; y: number; x: number } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const plane = shape.height * shape.width;
  let firing = 0;
  for (let c = 0; c < shape.channels; c++) if (channelPeak(values, shape, c).value > 0) firing++;
  const deadCount = dead ? dead.reduce((a, b) => a + b, 0) : 0;

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(grid.width, grid.height);
    paintMaps(image, grid, values, max, dead);
    context.putImageData(image, 0, 0);
    const tileWide = grid.cellsWide * grid.scale;
    const tileHigh = grid.cellsHigh * grid.scale;
    if (dead) {
      context.strokeStyle = '#7a828d';
      context.lineWidth = 2;
      for (let c = 0; c < grid.count; c++) {
        if (!dead[c]) continue;
        const { x, y } = tileOrigin(grid, c);
        context.beginPath();
        context.moveTo(x + 6, y + 6);
        context.lineTo(x + tileWide - 6, y + tileHigh - 6);
        context.moveTo(x + tileWide - 6, y + 6);
        context.lineTo(x + 6, y + tileHigh - 6);
        context.stroke();
      }
    }
    const outline = (c: number, colour: string) => {
      const { x, y } = tileOrigin(grid, c);
      context.strokeStyle = colour;
      context.lineWidth = 3;
      context.strokeRect(x + 1.5, y + 1.5, tileWide - 3, tileHigh - 3);
    };
    if (cursor.active !== null) outline(cursor.active, '#3d5afe');
    if (selectedChannel !== null) outline(selectedChannel, '#1b1f24');
    // grid is derived from shape each render; its numbers are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, dead, max, grid.width, grid.height, selectedChannel, cursor.active]);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    cursor.handlers.onPointerMove(event);
    const box = event.currentTarget.getBoundingClientRect();
    const hit = tileAt(
      grid,
      ((event.clientX - box.left) / box.width) * grid.width,
      ((event.clientY - box.top) / box.height) * grid.height,
    );
    setHovered(hit?.cell ? { channel: hit.tile, ...hit.cell } : null);
  };
  const title = `Layer ${layer + 1}: ${kindName(shape.kind).toLowerCase()}`;
  const active = cursor.active ?? selectedChannel;
  const readoutChannel = hovered?.channel ?? active;
  return (
    <figure className="feature-maps" data-testid={`feature-maps-${layer}`} data-channels={shape.channels}>
      <figcaption className="activation-grid__caption">
        <span className="activation-grid__title">{title}</span>
        <span className="activation-grid__meta">
          {shape.channels} maps of {shape.height}×{shape.width} · {firing} firing
          {dead ? ` · ${deadCount} dead` : ''}
        </span>
      </figcaption>
      <canvas
        ref={canvas}
        className="feature-maps__canvas"
        width={grid.width}
        height={grid.height}
        style={{ width: `${grid.width}px`, aspectRatio: `${grid.width} / ${grid.height}` }}
        tabIndex={0}
        role="img"
        aria-label={
          `${title}: ${shape.channels} channel maps of ${shape.height}×${shape.width} pixels for this digit, ` +
          `${firing} with a pixel above zero, the largest value ${max.toFixed(2)}` +
          `${dead ? `, ${deadCount} never fire on the test set` : ''}. ` +
          'Arrow keys read each channel, Enter opens it with its filter.'
        }
        data-testid={`feature-maps-canvas-${layer}`}
        {...cursor.handlers}
        onPointerMove={onPointerMove}
        onPointerLeave={() => {
          cursor.handlers.onPointerLeave();
          setHovered(null);
        }}
      />
      <p
        className="activation-grid__readout"
        aria-live="polite"
        data-testid={`feature-maps-readout-${layer}`}
      >
        {readoutChannel === null ? (
          <span className="muted">
            Hover or tab to a map for its values; click or press Enter to open it.
          </span>
        ) : (
          <ChannelReadout
            channel={readoutChannel}
            pixel={
              hovered
                ? {
                    y: hovered.y,
                    x: hovered.x,
                    value: values[hovered.channel * plane + hovered.y * shape.width + hovered.x],
                  }
                : channelPeak(values, shape, readoutChannel)
            }
            strongest={hovered === null}
            isDead={dead?.[readoutChannel] === 1}
            fires={fireCounts?.[readoutChannel] ?? null}
            samples={samples}
          />
        )}
      </p>
      <ActivationLegend max={max} />
    </figure>
  );
}

function ChannelReadout(props: {
  channel: number;
  pixel: { y: number; x: number; value: number };
  strongest: boolean;
  isDead: boolean;
  fires: number | null;
  samples: number;
}) {
  const { channel, pixel, strongest, isDead, fires, samples } = props;
  return (
    <>
      <strong>Channel {channel}</strong>
      {strongest ? ', strongest pixel' : ''} (row {pixel.y}, column {pixel.x}): {pixel.value.toFixed(3)}
      <FireRateNote isDead={isDead} fires={fires} samples={samples} />
    </>
  );
}
