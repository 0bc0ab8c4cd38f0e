// The Inspect place: the digit and why, the hidden layers, the first layer's weights, the analysis, the maths.
import { useEffect } from 'react';
import { startInspector } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { ConvNetworkNote } from './ConvNetworkNote';
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
  const convolutional = useStore((s) => s.inspectedConvLayers !== null);
  return (
    <section className="place inspect" aria-labelledby="inspect-title">
      <PlaceHeading place="inspect" />
      <InspectSectionNav />
      {convolutional ? (
        <>
          <ConvNetworkNote headingId="inspect-digit-title" title="The digit" />
          <ConvNetworkNote headingId="inspect-layers-title" title="Hidden layers" />
          <ConvNetworkNote headingId="inspect-weights-title" title="What the first layer looks for" />
        </>
      ) : (
        <>
          <DigitPanel />
          <LayersPanel />
          <WeightsPanel />
        </>
      )}
      <AnalysisPanel />
      {convolutional ? (
        <ConvNetworkNote headingId="inspect-how-title" title="How it works" />
      ) : (
        <HowItWorksPanel />
      )}
      <BrowserPanel />
    </section>
  );
}
