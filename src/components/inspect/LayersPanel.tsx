// Every hidden layer's activations for the inspected digit, and the unit the user opened.
import { useShallow } from 'zustand/react/shallow';
import { selectUnit } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { ActivationGrid } from './ActivationGrid';
import { UnitDetail } from './UnitDetail';

export function LayersPanel() {
  const { inspected, analysis, weights, selected } = useStore(
    useShallow((s) => ({
      inspected: s.inspected,
      analysis: s.analysis,
      weights: s.weights,
      selected: s.selectedUnit,
    })),
  );
  const activations = inspected?.explanation.activations ?? null;
  const onSelectUnit = (layer: number, unit: number) => selectUnit({ layer, unit });
  return (
    <section className="card inspect-card" aria-labelledby="inspect-layers-title">
      <h2 id="inspect-layers-title" className="card__title">
        Hidden layers
      </h2>
      <p className="card__lead">
        Each square is one unit; the darker, the more it fires for this digit. Crossed-out units are dead:
        they fire on none of the 10,000 test digits. Hover or tab to a unit for its value, click to open it.
      </p>
      {activations ? (
        <div className="layers" data-testid="activation-grids">
          {activations.map((values, layer) => (
            <ActivationGrid
              key={layer}
              layer={layer}
              values={values}
              dead={analysis?.dead[layer] ?? null}
              fireCounts={analysis?.fireCounts[layer] ?? null}
              samples={analysis?.count ?? 0}
              selectedUnit={selected?.layer === layer ? selected.unit : null}
              onSelectUnit={onSelectUnit}
            />
          ))}
        </div>
      ) : (
        <p className="muted">The activations appear once there is a digit to inspect.</p>
      )}
      {selected && weights && selected.layer < weights.layerSizes.length - 2 && (
        <UnitDetail
          layer={selected.layer}
          unit={selected.unit}
          layerSizes={weights.layerSizes}
          W={weights.W}
          b={weights.b}
          input={inspected?.input ?? null}
          activations={activations}
          fireCounts={analysis?.fireCounts ?? null}
          samples={analysis?.count ?? 0}
          onSelectUnit={onSelectUnit}
          onClose={() => selectUnit(null)}
        />
      )}
    </section>
  );
}
