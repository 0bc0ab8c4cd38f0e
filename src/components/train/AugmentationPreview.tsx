// What a run with distortions trains on: a few training digits above their distorted copies, epoch by epoch.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fetchAugmentedSamples, type AugmentedSamples } from '../../state/augment-preview-actions';
import { useStore } from '../../state/store';
import { DigitCanvas } from '../ui/DigitCanvas';

const PIXELS = 28 * 28;

export function AugmentationPreview() {
  const { augmentation, seed, trainReady } = useStore(
    useShallow((s) => ({
      augmentation: s.trainingConfig.augmentation,
      seed: s.trainingConfig.seed,
      trainReady: s.datasets.train.status === 'ready',
    })),
  );
  const [epoch, setEpoch] = useState(0);
  const [samples, setSamples] = useState<AugmentedSamples | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!augmentation || !trainReady) return;
    let current = true;
    fetchAugmentedSamples(augmentation, seed, epoch).then(
      (result) => {
        if (!current) return;
        setSamples(result);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [augmentation, seed, epoch, trainReady]);

  if (!augmentation || !trainReady) return null;
  const count = samples ? samples.labels.length : 0;
  const row = (images: Uint8Array, what: string) =>
    Array.from({ length: count }, (_, i) => (
      <DigitCanvas
        key={i}
        className="augmentation-preview__digit"
        pixels={images.subarray(i * PIXELS, (i + 1) * PIXELS)}
        rows={28}
        cols={28}
        label={`training digit ${i + 1}, labelled ${samples?.labels[i]}, ${what}`}
      />
    ));
  return (
    <div className="augmentation-preview" data-testid="augmentation-preview">
      <h3 className="samples__title">What the network trains on in epoch {epoch + 1}</h3>
      <p className="card__lead">
        Each epoch distorts every training digit anew; the seed fixes which distortions, so a run repeats.
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : (
        samples && (
          <div className="augmentation-preview__grid">
            <span className="augmentation-preview__row-label">Original</span>
            {row(samples.originals, 'as it is')}
            <span className="augmentation-preview__row-label">Distorted</span>
            {row(samples.distorted, `distorted for epoch ${epoch + 1}`)}
          </div>
        )
      )}
      <button type="button" className="button" onClick={() => setEpoch((e) => e + 1)}>
        Show epoch {epoch + 2}
      </button>
    </div>
  );
}
