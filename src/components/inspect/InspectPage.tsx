// The Inspect place: the digit and why, the hidden layers, the first layer's weights, the analysis, the maths.
import { useEffect } from 'react';
import { startInspector } from '../../state/inspect-actions';
import { PlaceHeading } from '../ui/PlaceHeading';
import { AnalysisPanel } from './AnalysisPanel';
import { BrowserPanel } from './BrowserPanel';
import { DigitPanel } from './DigitPanel';
import { HowItWorksPanel } from './HowItWorksPanel';
import { InspectSectionNav } from './InspectSectionNav';
import { LayersPanel } from './LayersPanel';
import { WeightsPanel } from './WeightsPanel';
import './inspect.css';

export function InspectPage() {
  useEffect(() => startInspector(), []);
  return (
    <section className="place inspect" aria-labelledby="inspect-title">
      <PlaceHeading place="inspect" />
      <InspectSectionNav />
      <DigitPanel />
      <LayersPanel />
      <WeightsPanel />
      <AnalysisPanel />
      <HowItWorksPanel />
      <BrowserPanel />
    </section>
  );
}
