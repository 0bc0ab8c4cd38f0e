// One conv or pool channel opened: its map for the current digit beside the filter that made it.
import { useEffect, useRef } from 'react';
import type { HiddenLayerShape, LayerInfo } from '../../state/inspect-slice';
import { channelPeak } from './conv-numbers';
import { paintFilter } from './FilterImages';
import { paintMaps } from './FeatureMaps';
import { tileGrid } from './map-tiles';

export interface ChannelDetailProps {
  readonly layer: number;
  readonly channel: number;
  readonly shape: HiddenLayerShape;
  readonly values: Float32Array;
  /** The layer as the model describes it, with its weights when it is a conv layer; null until they arrive. */
  readonly info: LayerInfo | null;
  readonly W: Float32Array | null;
  readonly b: Float32Array | null;
  readonly fires: number | null;
  readonly samples: number;
  onClose(): void;
}

const MAP_PIXELS = 168;

/** One channel's map, large. */
function ChannelMap(props: {
  values: Float32Array;
  shape: HiddenLayerShape;
  channel: number;
  label: string;
}) {
  const { values, shape, channel, label } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const plane = shape.height * shape.width;
  const grid = tileGrid(1, 1, shape.height, shape.width, MAP_PIXELS, 0);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const map = values.subarray(channel * plane, (channel + 1) * plane);
    let max = 0;
    for (let i = 0; i < map.length; i++) if (map[i] > max) max = map[i];
    const image = context.createImageData(grid.width, grid.height);
    paintMaps(image, grid, map, max, null);
    context.putImageData(image, 0, 0);
  }, [values, channel, plane, grid.width, grid.height, grid]);
  return (
    <canvas
      ref={canvas}
      className="channel-detail__canvas"
      width={grid.width}
      height={grid.height}
      role="img"
      aria-label={label}
    />
  );
}

/** The filter's tiles, large. */
function FilterTiles(props: { W: Float32Array; filter: number; channels: number; size: number }) {
  const { W, filter, channels, size } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = Math.max(2, Math.round((channels === 1 ? MAP_PIXELS : 40) / size));
  const width = channels * (size * scale + 2) - 2;
  const height = size * scale;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(width, height);
    paintFilter(image, W, filter, channels, size, scale, { x: 0, y: 0 });
    context.putImageData(image, 0, 0);
  }, [W, filter, channels, size, scale, width, height]);
  return (
    <canvas
      ref={canvas}
      className="channel-detail__filter"
      width={width}
      height={height}
      style={{ width: `${width}px` }}
      role="img"
      aria-label={
        `Filter ${filter}: ${channels === 1 ? 'one' : channels} ${size}×${size} kernel${channels === 1 ? '' : 's, one per input channel'}; ` +
        'red weights raise the map where the input is bright, blue ones lower it'
      }
    />
  );
}

export function ChannelDetail(props: ChannelDetailProps) {
  const { layer, channel, shape, values, info, W, b, fires, samples } = props;
  const peak = channelPeak(values, shape, channel);
  const kind = shape.kind === 'conv' ? 'convolution' : 'max-pooling';
  return (
    <section
      className="unit-detail channel-detail"
      aria-labelledby="channel-detail-title"
      data-testid="channel-detail"
    >
      <header className="unit-detail__header">
        <h3 id="channel-detail-title">
          Layer {layer + 1} ({kind}), channel {channel}
        </h3>
        <button type="button" className="button button--small" onClick={props.onClose}>
          Close
        </button>
      </header>
      <dl className="facts">
        <div>
          <dt>strongest pixel now</dt>
          <dd>
            {peak.value.toFixed(3)} at row {peak.y}, column {peak.x}
          </dd>
        </div>
        {shape.kind === 'conv' && b && (
          <div>
            <dt>bias</dt>
            <dd>{b[channel].toFixed(3)}</dd>
          </div>
        )}
        <div>
          <dt>fires on</dt>
          <dd>
            {fires === null || samples === 0
              ? '—'
              : fires === 0
                ? 'no test digit (dead)'
                : `${((100 * fires) / samples).toFixed(1)}% of test digits`}
          </dd>
        </div>
      </dl>
      <div className="channel-detail__pair">
        <figure>
          <ChannelMap
            values={values}
            shape={shape}
            channel={channel}
            label={`Channel ${channel}'s ${shape.height}×${shape.width} map for this digit; darker is stronger, grey is zero`}
          />
          <figcaption>its map for this digit</figcaption>
        </figure>
        {shape.kind === 'conv' && info && W ? (
          <figure>
            <FilterTiles W={W} filter={channel} channels={info.input.channels} size={info.size} />
            <figcaption>
              its filter
              {info.input.channels > 1 ? `: one tile per input channel (${info.input.channels})` : ''}
            </figcaption>
          </figure>
        ) : (
          <p className="muted channel-detail__note">
            A pooling channel has no filter: each pixel is the largest value in a {info?.size ?? 2}×
            {info?.size ?? 2} window of channel {channel} of layer {layer}, so its map keeps where that
            channel fired, {info?.size ?? 2} times coarser each way.
          </p>
        )}
      </div>
    </section>
  );
}
