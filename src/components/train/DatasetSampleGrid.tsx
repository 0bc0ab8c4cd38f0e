// A grid of the first training digits, drawn from the loaded bytes, each with its label.
import type { DatasetSamples } from '../../state/dataset-slice';
import { DigitCanvas } from '../ui/DigitCanvas';

export function DatasetSampleGrid({ samples }: { readonly samples: DatasetSamples }) {
  const pixelsPerDigit = samples.rows * samples.cols;
  const cells = [];
  for (let i = 0; i < samples.count; i++) {
    const label = samples.labels[i];
    cells.push(
      <figure className="sample" key={i}>
        <DigitCanvas
          className="sample__digit"
          pixels={samples.images.subarray(i * pixelsPerDigit, (i + 1) * pixelsPerDigit)}
          rows={samples.rows}
          cols={samples.cols}
          label={`training digit ${i + 1}, labelled ${label}`}
        />
        <figcaption className="sample__label">{label}</figcaption>
      </figure>,
    );
  }
  return (
    <div className="samples">
      <h3 className="samples__title">The first {samples.count} training digits</h3>
      <div className="samples__grid" data-testid="dataset-samples">
        {cells}
      </div>
    </div>
  );
}
