// Applies a shared `#/train?…` link to the training settings: when the page opens with one and whenever the hash changes.
import { configFromHash, type ConfigFromUrl } from './url-config';
import { useStore } from './store';

/** Writes the link's config into the store (the form follows); unreadable values are named in a notice. */
export function applyTrainingLink(hash: string): ConfigFromUrl {
  const { trainingConfig } = useStore.getState();
  const result = configFromHash(hash, trainingConfig);
  if (!result.fromLink) return result;
  useStore.getState().setTrainingConfig(result.config, null);
  if (result.problems.length > 0) {
    useStore.setState({
      trainingNotice: {
        kind: 'error',
        text: `Some settings in the link could not be read and keep their current value: ${result.problems.join(' ')}`,
      },
    });
  }
  return result;
}

/** From the app shell: applies the current hash, then every later one; returns the stop function. */
export function watchTrainingLinks(): () => void {
  const onHashChange = () => void applyTrainingLink(location.hash);
  onHashChange();
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
