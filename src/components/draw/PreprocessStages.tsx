// An expandable strip of each preprocessing stage (ink, crop, 20 px fit, centring), so a visitor sees how MNIST form is made.
import type { PreprocessStage } from '../../data/preprocess/stage';
import { GrayImageCanvas } from './GrayImageCanvas';

export function PreprocessStages({ stages }: { readonly stages: readonly PreprocessStage[] }) {
  return (
    <details className="stages">
      <summary>How the drawing was turned into the network’s input</summary>
      <p className="stages__lead">
        MNIST digits were made this way: the ink scaled so its longer side is 20 pixels, then moved so its
        centre of mass sits at the middle of a 28×28 frame. Doing the same to your drawing is what lets the
        network read it.
      </p>
      {stages.length === 0 ? (
        <p className="stages__empty">Draw a digit to see the stages.</p>
      ) : (
        <ol className="stages__list">
          {stages.map((stage, i) => (
            <li key={stage.name} className="stage">
              <span className="stage__frame">
                <GrayImageCanvas
                  image={stage.image}
                  label={`Stage ${i + 1}: ${stage.caption}`}
                  className={stage.image.width <= 28 ? 'stage__image pixelated' : 'stage__image'}
                />
                {stage.name === 'centre' && <span className="stage__crosshair" aria-hidden="true" />}
              </span>
              <span className="stage__caption">
                <strong>{i + 1}.</strong> {stage.caption}
              </span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
