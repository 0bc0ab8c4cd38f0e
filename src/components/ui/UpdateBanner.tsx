// Offers to reload into a newly deployed build: never by itself, and not while a run trains.
import { useState } from 'react';
import { reloadIntoUpdate } from '../../state/app-update-actions';
import { useStore } from '../../state/store';

export function UpdateBanner() {
  const waiting = useStore((s) => s.appUpdateWaiting);
  const training = useStore((s) => s.trainingStatus === 'running');
  // "Not now" hides the offer for this page; the next visit offers it again.
  const [dismissed, setDismissed] = useState(false);
  // The live region is always there, so screen readers announce the offer when it appears.
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      {waiting && !dismissed && (
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
          <button
            type="button"
            className="button button--small update-banner__later"
            onClick={() => setDismissed(true)}
          >
            Not now
          </button>
        </div>
      )}
    </div>
  );
}
