// In place of a view that draws a dense network's units: what the inspected CNN is, and where to look instead.
import { useStore } from '../../state/store';

export interface ConvNetworkNoteProps {
  readonly headingId: string;
  readonly title: string;
}

export function ConvNetworkNote({ headingId, title }: ConvNetworkNoteProps) {
  const layers = useStore((s) => s.inspectedConvLayers);
  return (
    <section className="card inspect-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
      </h2>
      <p className="muted">
        This model is a convolutional network ({layers}). This view draws the units of dense networks and does
        not draw conv and pool layers yet; Draw reads digits with it, and the analysis below measures it on
        the test set.
      </p>
    </section>
  );
}
