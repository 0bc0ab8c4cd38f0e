// The Inspect place: the digit and why, the hidden layers (a CNN's maps), the weights (its filters), the analysis, the maths.
import { useEffect } from 'react';
import { startInspector } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { PlaceHeading } from '../ui/PlaceHeading';
import { AnalysisPanel } from './AnalysisPanel';
import { BrowserPanel } from './BrowserPanel';
import { ConvFiltersPanel } from './ConvFiltersPanel';
import { ConvHowItWorksPanel } from './ConvHowItWorksPanel';
import { ConvLayersPanel } from './ConvLayersPanel';
import { DigitPanel } from './DigitPanel';
import { HowItWorksPanel } from './HowItWorksPanel';
import { InspectSectionNav } from './InspectSectionNav';
import { LayersPanel } from './LayersPanel';
import { WeightsPanel } from './WeightsPanel';
import './inspect.css';

export function InspectPage() {
  useEffect(() => startInspector(), []);
  const convolutional = useStore((s) => s.inspectedConvLayers !== null);
  return (
    <section className="place inspect" aria-labelledby="inspect-title">
      <PlaceHeading place="inspect" />
      <InspectSectionNav />
      <DigitPanel />
      {convolutional ? <ConvLayersPanel /> : <LayersPanel />}
      {convolutional ? <ConvFiltersPanel /> : <WeightsPanel />}
      <AnalysisPanel />
      {convolutional ? <ConvHowItWorksPanel /> : <HowItWorksPanel />}
      <BrowserPanel />
    </section>
  );
}
