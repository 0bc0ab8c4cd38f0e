// The app shell: the header on every place, and the place the hash route names.
import { useEffect } from 'react';
import { startModelPersistence } from '../state/model-checkpoints';
import { watchTrainingLinks } from '../state/training-link-actions';
import { DrawPage } from './draw/DrawPage';
import { InspectPage } from './inspect/InspectPage';
import { ModelsPage } from './models/ModelsPage';
import { TrainPage } from './train/TrainPage';
import { AppHeader } from './ui/AppHeader';
import { placeInfo, type Place } from './ui/places';
import { UpdateBanner } from './ui/UpdateBanner';
import { useHashRoute } from './ui/useHashRoute';

function PlacePage({ place }: { readonly place: Place }) {
  switch (place) {
    case 'draw':
      return <DrawPage />;
    case 'train':
      return <TrainPage />;
    case 'inspect':
      return <InspectPage />;
    case 'models':
      return <ModelsPage />;
  }
}

export function App() {
  const { place } = useHashRoute();
  // Reopens the last model (with its charts) and checkpoints every training run into saved models.
  useEffect(() => startModelPersistence(), []);
  // A shared #/train?… link sets the training settings (same layers, optimizer, seed) it describes.
  useEffect(() => watchTrainingLinks(), []);
  useEffect(() => {
    document.title = `${placeInfo(place).title} · Digit Lab`;
  }, [place]);
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <AppHeader current={place} />
      <main id="main" className="main" tabIndex={-1}>
        <PlacePage place={place} />
      </main>
      <UpdateBanner />
    </div>
  );
}
