// A CNN's hidden layers for the inspected digit: every conv and pool channel's map, then the dense units.
import { useShallow } from 'zustand/react/shallow';
import { selectUnit } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { ActivationGrid } from './ActivationGrid';
import { ChannelDetail } from './ChannelDetail';
import { FeatureMaps } from './FeatureMaps';
import { UnitDetail } from './UnitDetail';
import { isMapLayer, layerStats, perLayer, sameModel } from './conv-model-view';

export function ConvLayersPanel() {
  const { inspected, analysis, modelWeights, selected } = useStore(
    useShallow((s) => ({
      inspected: s.inspected,
      analysis: s.analysis,
      modelWeights: s.modelWeights,
      selected: s.selectedUnit,
    })),
  );
  const e = inspected?.explanation ?? null;
  const shapes = e?.layerShapes ?? [];
  const weights = sameModel(modelWeights, shapes) ? modelWeights : null;
  const select = (layer: number, unit: number) => selectUnit({ layer, unit });
  // A strongest-input link of a dense unit names a flat index into the map below: open its channel.
  const selectBelow = (layer: number, index: number) => {
    const shape = shapes[layer];
    select(layer, shape && isMapLayer(shape) ? Math.floor(index / (shape.height * shape.width)) : index);
  };
  const openShape = selected ? shapes[selected.layer] : undefined;
  const samples = analysis?.count ?? 0;
  return (
    <section className="card inspect-card" aria-labelledby="inspect-layers-title">
      <h2 id="inspect-layers-title" className="card__title">
        Feature maps and hidden layers
      </h2>
      <p className="card__lead">
        Each convolution channel slides its filter over the layer below and keeps what it finds as a map; each
        pooling channel keeps the strongest value of every window. Darker is stronger, grey is zero;
        crossed-out maps are dead (no test digit makes them fire). Hover or tab to a map for its values, click
        to open it with its filter.
      </p>
      {e ? (
        <>
          <div className="conv-layers" data-testid="feature-map-layers">
            {shapes.map((shape, layer) =>
              isMapLayer(shape) ? (
                <FeatureMaps
                  key={layer}
                  layer={layer}
                  shape={shape}
                  values={e.activations[layer]}
                  {...layerStats(analysis, layer, shape.channels)}
                  samples={samples}
                  selectedChannel={selected?.layer === layer ? selected.unit : null}
                  onSelectChannel={select}
                />
              ) : null,
            )}
          </div>
          <div className="layers" data-testid="activation-grids">
            {shapes.map((shape, layer) =>
              isMapLayer(shape) ? null : (
                <ActivationGrid
                  key={layer}
                  layer={layer}
                  values={e.activations[layer]}
                  {...layerStats(analysis, layer, shape.channels)}
                  samples={samples}
                  selectedUnit={selected?.layer === layer ? selected.unit : null}
                  onSelectUnit={select}
                />
              ),
            )}
          </div>
        </>
      ) : (
        <p className="muted">The maps appear once there is a digit to inspect.</p>
      )}
      {e && selected && openShape && selected.unit < openShape.channels && isMapLayer(openShape) && (
        <ChannelDetail
          layer={selected.layer}
          channel={selected.unit}
          shape={openShape}
          values={e.activations[selected.layer]}
          info={weights?.layers[selected.layer] ?? null}
          W={
            weights && openShape.kind === 'conv'
              ? weights.W[weights.layers[selected.layer].weightIndex]
              : null
          }
          b={
            weights && openShape.kind === 'conv'
              ? weights.b[weights.layers[selected.layer].weightIndex]
              : null
          }
          fires={layerStats(analysis, selected.layer, openShape.channels).fireCounts?.[selected.unit] ?? null}
          samples={samples}
          onClose={() => selectUnit(null)}
        />
      )}
      {e &&
        selected &&
        openShape &&
        weights &&
        !isMapLayer(openShape) &&
        selected.unit < openShape.channels && (
          <UnitDetail
            layer={selected.layer}
            unit={selected.unit}
            {...perLayer(weights)}
            input={inspected?.input ?? null}
            activations={e.activations}
            fireCounts={analysis?.fireCounts ?? null}
            samples={samples}
            firstLayerIsImage={false}
            onSelectUnit={selectBelow}
            onClose={() => selectUnit(null)}
          />
        )}
    </section>
  );
}
