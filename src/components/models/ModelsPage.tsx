// The Models place: the current model (export, import), the shipped and saved models, and a comparison.
import { PlaceHeading } from '../ui/PlaceHeading';
import { CurrentModelCard } from './CurrentModelCard';
import { ModelComparison } from './ModelComparison';
import { ModelsMessages } from './ModelsMessages';
import { SavedModelList } from './SavedModelList';
import { ShippedModelList } from './ShippedModelList';
import './models.css';

export interface ModelsPageProps {
  /** Fixed width of the comparison's charts (tests, where nothing has a layout). */
  readonly comparisonChartWidth?: number;
}

export function ModelsPage({ comparisonChartWidth }: ModelsPageProps = {}) {
  return (
    <section className="place models-page" aria-labelledby="models-title">
      <PlaceHeading place="models" />
      <ModelsMessages />
      <CurrentModelCard />
      <ModelComparison chartWidth={comparisonChartWidth} />
      <ShippedModelList />
      <SavedModelList />
    </section>
  );
}
