// Analysis of results: accuracy and loss on the 10,000 test digits, the confusion matrix and the chosen cell's digits.
import { useShallow } from 'zustand/react/shallow';
import {
  inspectDatasetDigit,
  runAnalysis,
  selectConfusionCell,
  showMoreGallery,
} from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitGallery } from './DigitGallery';
import { scrollToDigit } from './input-bytes';

export function AnalysisPanel() {
  const { analysis, status, error, of, selected, gallery } = useStore(
    useShallow((s) => ({
      analysis: s.analysis,
      status: s.analysisStatus,
      error: s.analysisError,
      of: s.analysisOf,
      selected: s.selectedCell,
      gallery: s.gallery,
    })),
  );
  let mistakes = 0;
  if (analysis) mistakes = analysis.count - Math.round(analysis.accuracy * analysis.count);
  return (
    <section className="card inspect-card" aria-labelledby="inspect-analysis-title">
      <header className="inspect-card__header">
        <div>
          <h2 id="inspect-analysis-title" className="card__title">
            Analysis of results
          </h2>
          <p className="card__lead">
            {of ? `On the test set, for ${of}.` : 'How the model does on digits it never trained on.'}
          </p>
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={status === 'running'}
          onClick={() => void runAnalysis()}
        >
          {status === 'running' ? 'Measuring…' : 'Measure again'}
        </button>
      </header>
      {error && (
        <p className="inspect-error" role="alert">
          {error}
        </p>
      )}
      {analysis ? (
        <>
          <dl className="facts facts--big" data-testid="analysis-summary">
            <div>
              <dt>accuracy</dt>
              <dd>{(100 * analysis.accuracy).toFixed(2)}%</dd>
            </div>
            <div>
              <dt>mean loss</dt>
              <dd>{analysis.loss.toFixed(4)}</dd>
            </div>
            <div>
              <dt>mistakes</dt>
              <dd>
                {mistakes.toLocaleString('en')} of {analysis.count.toLocaleString('en')}
              </dd>
            </div>
          </dl>
          <p className="muted">
            Rows are the true digit, columns the network's answer; the diagonal holds the right answers. Click
            any count to see those digits.
          </p>
          <ConfusionMatrix
            confusion={analysis.confusion}
            classes={analysis.classes}
            precision={analysis.precision}
            recall={analysis.recall}
            support={analysis.support}
            selected={selected}
            onSelect={(cell) => void selectConfusionCell(cell)}
          />
          {gallery && (
            <DigitGallery
              trueLabel={gallery.cell.trueLabel}
              predicted={gallery.cell.predicted}
              total={gallery.indices.length}
              items={gallery.digits}
              onOpen={(digit) => {
                void inspectDatasetDigit('test', digit.index, digit.image, digit.label);
                scrollToDigit();
              }}
              onShowMore={() => void showMoreGallery()}
            />
          )}
        </>
      ) : (
        status === 'running' && <p className="muted">Running all 10,000 test digits through the network…</p>
      )}
    </section>
  );
}
