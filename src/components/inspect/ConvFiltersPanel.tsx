// What a CNN's filters look for: every conv layer's filters as images; opening one shows it beside its map.
import { useShallow } from 'zustand/react/shallow';
import { selectUnit } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { layerStats } from './conv-model-view';
import { FilterImages } from './FilterImages';

export function ConvFiltersPanel() {
  const { weights, analysis, selected } = useStore(
    useShallow((s) => ({ weights: s.modelWeights, analysis: s.analysis, selected: s.selectedUnit })),
  );
  return (
    <section className="card inspect-card" aria-labelledby="inspect-weights-title">
      <h2 id="inspect-weights-title" className="card__title">
        What the filters look for
      </h2>
      <p className="card__lead">
        A filter is a small stencil of weights slid over its input: red weights raise the map where the input
        is bright, blue ones lower it, white ones ignore it. A deeper filter has one tile per channel of the
        layer below, because it reads all of their maps at once. Faded filters make dead maps.
      </p>
      {weights && weights.layers.some((info) => info.kind === 'conv') ? (
        <div className="conv-filters">
          {weights.layers.map((info, layer) =>
            info.kind === 'conv' ? (
              <FilterImages
                key={layer}
                layer={layer}
                weights={weights.W[info.weightIndex]}
                filters={info.output.channels}
                channels={info.input.channels}
                size={info.size}
                dead={layerStats(analysis, layer, info.output.channels).dead}
                selectedFilter={selected?.layer === layer ? selected.unit : null}
                onSelectFilter={(l, filter) => {
                  selectUnit({ layer: l, unit: filter });
                  // The channel opens under the maps; scroll there once React has drawn it.
                  requestAnimationFrame(() =>
                    document
                      .getElementById('channel-detail-title')
                      ?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
                  );
                }}
              />
            ) : null,
          )}
        </div>
      ) : (
        <p className="muted">Loading the filters…</p>
      )}
    </section>
  );
}
