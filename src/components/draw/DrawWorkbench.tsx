// The Draw screen with its data passed in: pad or photo → MNIST-form input (once per frame) → the network's answer shown.
import { useCallback, useState } from 'react';
import { preprocessStrokes } from '../../data/preprocess/preprocess-strokes';
import { preprocessRgbaImage } from '../../data/preprocess/preprocess-image';
import type { RgbaImage } from '../../data/preprocess/rgba-to-luminance';
import type { PreprocessResult } from '../../data/preprocess/stage';
import type { Stroke } from '../../data/preprocess/strokes';
import { DrawingPad } from './DrawingPad';
import { ImageDrop } from './ImageDrop';
import { InputPreview } from './InputPreview';
import { ModelSwitch, type ModelChoice } from './ModelSwitch';
import { PredictionAnnouncer } from './PredictionAnnouncer';
import { PreprocessStages } from './PreprocessStages';
import { ProbabilityBars } from './ProbabilityBars';
import { rankDigits } from './ranked-digits';
import { ReadingStrip } from './ReadingStrip';
import { TopPrediction } from './TopPrediction';
import { useFrameThrottle } from './useFrameThrottle';
import './draw.css';
import { usePadShortcuts } from './use-pad-shortcuts';

export interface DrawWorkbenchProps {
  /** The network's ten probabilities for the last input sent, or null while none has come back. */
  readonly probabilities: ArrayLike<number> | null;
  /** Called at most once per animation frame with the 28x28 input (null when the pad is empty). */
  readonly onInput: (input: Float32Array | null) => void;
  readonly model: ModelChoice;
  /** What the page calls the network that gave `probabilities`, or null while none has answered. */
  readonly answeredBy?: string | null;
  /** The same network's short name, for the phone's answer strip. */
  readonly answeredByShort?: string | null;
  readonly liveModelAvailable: boolean;
  readonly onModelChange: (choice: ModelChoice) => void;
  /** Why another network than the chosen one reads the drawing (it was unavailable), or null. */
  readonly modelNotice?: string | null;
  /** Shown instead of the bars while no model is ready (e.g. "Loading the default model…"). */
  readonly modelStatus?: string | null;
}

type Source = { readonly kind: 'pad' } | { readonly kind: 'image'; readonly name: string };

export function DrawWorkbench(props: DrawWorkbenchProps) {
  const { onInput } = props;
  const [strokes, setStrokes] = useState<readonly Stroke[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [penDiameter, setPenDiameter] = useState<number | undefined>(undefined);
  const [result, setResult] = useState<PreprocessResult | null>(null);
  const [source, setSource] = useState<Source>({ kind: 'pad' });
  const [imageProblem, setImageProblem] = useState<string | null>(null);

  const publish = useCallback(
    (next: PreprocessResult | null) => {
      setResult(next);
      onInput(next ? next.input : null);
    },
    [onInput],
  );
  const scheduleStrokes = useFrameThrottle<{ strokes: readonly Stroke[]; pen: number | undefined }>(
    ({ strokes: latest, pen }) => publish(preprocessStrokes(latest, { padPenDiameter: pen })),
  );

  const changeStrokes = useCallback(
    (next: readonly Stroke[], stillDrawing: boolean) => {
      setStrokes(next);
      setDrawing(stillDrawing);
      setSource({ kind: 'pad' });
      setImageProblem(null);
      scheduleStrokes({ strokes: next, pen: penDiameter });
    },
    [scheduleStrokes, penDiameter],
  );
  const clear = useCallback(() => changeStrokes([], false), [changeStrokes]);
  const undo = useCallback(() => changeStrokes(strokes.slice(0, -1), false), [changeStrokes, strokes]);
  usePadShortcuts(clear, undo);

  const readImage = useCallback(
    (image: RgbaImage, name: string) => {
      const prepared = preprocessRgbaImage(image);
      setStrokes([]);
      setDrawing(false);
      if (prepared === null) {
        setImageProblem(
          `No ink found in “${name}”: try a photo with a dark digit on light paper, filling more of the picture.`,
        );
        setSource({ kind: 'pad' });
        publish(null);
        return;
      }
      setImageProblem(null);
      setSource({ kind: 'image', name });
      publish(prepared);
    },
    [publish],
  );

  const probabilities = result ? props.probabilities : null;
  const ranked = probabilities ? rankDigits(probabilities) : null;
  const top = ranked ? ranked[0].digit : null;
  const topProbability = ranked ? ranked[0].probability : 0;

  return (
    <div className="draw-grid">
      <section className="card draw-card" aria-label="Drawing">
        <ReadingStrip
          ranked={ranked}
          status={props.modelStatus ?? null}
          hasInput={result !== null}
          reader={probabilities ? (props.answeredByShort ?? null) : null}
        />
        <DrawingPad strokes={strokes} onStrokesChange={changeStrokes} onPenDiameter={setPenDiameter} />
        <div className="pad-tools">
          <button
            type="button"
            className="button button--quiet"
            onClick={undo}
            disabled={strokes.length === 0}
          >
            Undo
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={clear}
            disabled={strokes.length === 0 && source.kind === 'pad'}
          >
            Clear
          </button>
          <p className="pad-tools__keys">
            <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Esc</kbd> clear
          </p>
        </div>
        {source.kind === 'image' && (
          <p className="image-source">
            Reading your image <strong>{source.name}</strong>. Draw on the pad to go back to drawing.
          </p>
        )}
        {imageProblem && (
          <p className="image-drop__error" role="alert">
            {imageProblem}
          </p>
        )}
        <ImageDrop onImage={readImage} />
      </section>

      <section className="card read-card" aria-label="What the network reads">
        <ModelSwitch
          value={props.model}
          liveAvailable={props.liveModelAvailable}
          onChange={props.onModelChange}
          notice={props.modelNotice ?? null}
        />
        <div className="read-card__head">
          <TopPrediction
            digit={top}
            probability={topProbability}
            hasInput={result !== null}
            status={props.modelStatus ?? null}
            answeredBy={probabilities ? (props.answeredBy ?? null) : null}
          />
          <InputPreview input={result?.input ?? null} />
        </div>
        <ProbabilityBars probabilities={probabilities} />
        <PredictionAnnouncer digit={top} probability={topProbability} holding={drawing} />
        <PreprocessStages stages={result?.stages ?? []} />
      </section>
    </div>
  );
}
