// The app shell: the header on every place, and the place the hash route names.
import { useEffect } from 'react';
import { startModelPersistence } from '../state/model-checkpoints';
import { watchTrainingLinks } from '../state/training-link-actions';
import { DrawPage } from './draw/DrawPage';
import { AppHeader } from './ui/AppHeader';
import { lazyPlace, type LazyPlace } from './ui/lazy-place';
import { LazyPlacePage } from './ui/LazyPlacePage';
import { placeInfo, type Place } from './ui/places';
import { UpdateBanner } from './ui/UpdateBanner';
import { useHashRoute } from './ui/useHashRoute';

// Draw is the landing place and comes with the first download; the others (charts, formulas, the inspector)
// are fetched when first opened, so a visitor who only draws never downloads them.
const LAZY_PLACES: Readonly<Record<Exclude<Place, 'draw'>, LazyPlace>> = {
  train: lazyPlace('train', () => import('./train/TrainPage').then((m) => m.TrainPage)),
  inspect: lazyPlace('inspect', () => import('./inspect/InspectPage').then((m) => m.InspectPage)),
  models: lazyPlace('models', () => import('./models/ModelsPage').then((m) => m.ModelsPage)),
};

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
        {place === 'draw' ? (
          <DrawPage />
        ) : (
          <LazyPlacePage key={place} place={place} lazy={LAZY_PLACES[place]} />
        )}
      </main>
      <UpdateBanner />
    </div>
  );
}
