// The Inspect place (placeholder until its own issue fills it in).
import { PlaceHeading } from '../ui/PlaceHeading';

export function InspectPage() {
  return (
    <section className="place" aria-labelledby="inspect-title">
      <PlaceHeading place="inspect" />
    </section>
  );
}
