// Offers to reload into a newly deployed build: never by itself, and not while a run trains.
import { reloadIntoUpdate } from '../../state/app-update-actions';
import { useStore } from '../../state/store';

export function UpdateBanner() {
  const waiting = useStore((s) => s.appUpdateWaiting);
  const training = useStore((s) => s.trainingStatus === 'running');
  // The live region is always there, so screen readers announce the offer when it appears.
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      {waiting && (
        <div className="update-banner__box">
          {training ? (
            <p>
              A new version of Digit Lab is ready. Reload will be offered when training stops, so this run is
              not interrupted.
            </p>
          ) : (
            <>
              <p>A new version of Digit Lab is ready.</p>
              <button type="button" className="button button--small" onClick={() => void reloadIntoUpdate()}>
                Reload
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
