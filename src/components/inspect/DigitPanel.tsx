// The digit under inspection: the input the network saw, its answer, and the saliency map that explains it.
import { useShallow } from 'zustand/react/shallow';
import {
  inspectDrawing,
  inspectTestDigit,
  setSaliencyTarget,
  setSaliencyView,
} from '../../state/inspect-actions';
import { chooseModel } from '../../state/prediction-actions';
import { selectModelChoice } from '../../state/prediction-slice';
import { useStore } from '../../state/store';
import { ModelSwitch } from '../draw/ModelSwitch';
import { ProbabilityBars } from '../draw/ProbabilityBars';
import { DigitCanvas } from '../ui/DigitCanvas';
import { inputToBytes } from './input-bytes';
import { InspectSketchPad } from './InspectSketchPad';
import { SaliencyMap } from './SaliencyMap';
import { formatProbability } from './format-probability';

function sourceText(source: ReturnType<typeof useStore.getState>['inspectSource']): string {
  if (source.kind === 'drawing') return 'Your drawing';
  return `${source.split === 'test' ? 'Test' : 'Training'} digit #${source.index.toLocaleString('en')}, labelled ${source.label}`;
}

export function DigitPanel() {
  const { inspected, error, view, hasDrawing, slot, liveAvailable } = useStore(
    useShallow((s) => ({
      inspected: s.inspected,
      error: s.inspectError,
      view: s.saliencyView,
      hasDrawing: s.prediction !== null,
      slot: selectModelChoice(s),
      liveAvailable: s.liveModelAvailable,
    })),
  );
  const e = inspected?.explanation;
  const source = inspected?.source;
  const randomTestDigit = () => void inspectTestDigit(Math.floor(Math.random() * 10_000));
  return (
    <section className="card inspect-card" id="inspect-digit" aria-labelledby="inspect-digit-title">
      <header className="inspect-card__header">
        <div>
          <h2 id="inspect-digit-title" className="card__title">
            The digit
          </h2>
          <p className="card__lead" data-testid="inspect-source">
            {source ? sourceText(source) : 'Loading a digit…'}
            {e && (
              <>
                {' · '}read as <strong>{e.predictedClass}</strong> at{' '}
                {formatProbability(e.probabilities[e.predictedClass])}
              </>
            )}
          </p>
        </div>
        <div className="inspect-card__actions">
          <ModelSwitch value={slot} liveAvailable={liveAvailable} onChange={chooseModel} />
          {hasDrawing && source?.kind !== 'drawing' && (
            <button type="button" className="button button--small" onClick={() => void inspectDrawing()}>
              Use my drawing
            </button>
          )}
          <button type="button" className="button button--small" onClick={randomTestDigit}>
            Random test digit
          </button>
        </div>
      </header>
      {error && (
        <p className="inspect-error" role="alert">
          {error}
        </p>
      )}
      <div className="digit-panel">
        <InspectSketchPad />
        {inspected && e ? (
          <>
            <figure className="digit-panel__input">
              <DigitCanvas
                pixels={inputToBytes(inspected.input)}
                rows={28}
                cols={28}
                label={`The inspected digit: ${sourceText(inspected.source)}`}
                className="pixelated digit-panel__canvas"
              />
              <figcaption>what the network sees (28×28)</figcaption>
            </figure>
            <SaliencyMap
              input={inspected.input}
              saliency={view === 'gradient' ? e.saliency : e.inputTimesGradient}
              view={view}
              targetClass={e.targetClass}
              probabilities={e.probabilities}
              onViewChange={setSaliencyView}
              onTargetChange={(c) => void setSaliencyTarget(c)}
            />
            <div className="digit-panel__bars">
              <ProbabilityBars probabilities={e.probabilities} />
            </div>
          </>
        ) : (
          !error && <p className="muted">Preparing the network…</p>
        )}
      </div>
    </section>
  );
}
