// The Models place (placeholder until its own issue fills it in).
import { PlaceHeading } from '../ui/PlaceHeading';

export function ModelsPage() {
  return (
    <section className="place" aria-labelledby="models-title">
      <PlaceHeading place="models" />
    </section>
  );
}
