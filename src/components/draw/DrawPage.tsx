// The Draw place (placeholder until its own issue fills it in).
import { PlaceHeading } from '../ui/PlaceHeading';

export function DrawPage() {
  return (
    <section className="place" aria-labelledby="draw-title">
      <PlaceHeading place="draw" />
    </section>
  );
}
