// The Train place's dataset card: download progress per split, then the digit counts, a grid of real samples and,
// when the run distorts its digits, some of them beside their distortions.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { formatCount } from '../ui/format';
import { AugmentationPreview } from './AugmentationPreview';
import { DatasetSampleGrid } from './DatasetSampleGrid';
import { DatasetSplitProgress } from './DatasetSplitProgress';

export function DatasetPanel() {
  const datasets = useStore(useShallow((s) => s.datasets));
  const samples = useStore((s) => s.datasetSamples);
  const { train, test } = datasets;
  const bothReady = train.status === 'ready' && test.status === 'ready';
  return (
    <section className="card" aria-labelledby="dataset-title" data-testid="dataset-panel">
      <h2 id="dataset-title" className="card__title">
        The MNIST dataset
      </h2>
      <p className="card__lead">Handwritten digits scanned from forms, each 28×28 pixels and labelled 0–9.</p>
      {bothReady ? (
        <p className="dataset-counts" data-testid="dataset-counts">
          {formatCount(train.count)} training / {formatCount(test.count)} test digits
        </p>
      ) : (
        <div className="dataset-progress-list">
          <DatasetSplitProgress split="train" title="Training set" state={train} />
          <DatasetSplitProgress split="test" title="Test set" state={test} />
        </div>
      )}
      {samples && <DatasetSampleGrid samples={samples} />}
      <AugmentationPreview />
    </section>
  );
}
