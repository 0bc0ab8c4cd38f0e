// What the first layer looks for: every unit's incoming weights as an image.
import { useShallow } from 'zustand/react/shallow';
import { selectUnit } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { WeightImages } from './WeightImages';

export function WeightsPanel() {
  const { weights, dead, selected } = useStore(
    useShallow((s) => ({ weights: s.weights, dead: s.analysis?.dead[0] ?? null, selected: s.selectedUnit })),
  );
  return (
    <section className="card inspect-card" aria-labelledby="inspect-weights-title">
      <h2 id="inspect-weights-title" className="card__title">
        What the first layer looks for
      </h2>
      <p className="card__lead">
        A first-layer unit adds up the 784 pixels, each times its weight. Drawn as an image, the weights show
        the stroke pattern that excites the unit (red) and the one that silences it (blue). Faded tiles are
        dead units.
      </p>
      {weights ? (
        <WeightImages
          weights={weights.W[0]}
          units={weights.layerSizes[1]}
          side={Math.round(Math.sqrt(weights.layerSizes[0]))}
          dead={dead}
          selectedUnit={selected?.layer === 0 ? selected.unit : null}
          onSelectUnit={(unit) => {
            selectUnit({ layer: 0, unit });
            // The detail opens under the activation grids; scroll there once React has drawn it.
            requestAnimationFrame(() =>
              document
                .getElementById('unit-detail-title')
                ?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
            );
          }}
        />
      ) : (
        <p className="muted">Loading the weights…</p>
      )}
    </section>
  );
}
