// Catches a place whose code failed to download and offers Retry (fetch again) and Reload (after an update).
import { Component, type ReactNode } from 'react';
import { PlaceLoadError } from './place-load-error';

interface PlaceLoadBoundaryProps {
  /** Called before the retried render, so the place's download starts afresh. */
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

interface PlaceLoadBoundaryState {
  readonly error: unknown;
}

// React has error boundaries only as class components.
export class PlaceLoadBoundary extends Component<PlaceLoadBoundaryProps, PlaceLoadBoundaryState> {
  override state: PlaceLoadBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PlaceLoadBoundaryState {
    return { error };
  }

  private readonly retry = () => {
    this.props.onRetry();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Other errors are bugs, not downloads: thrown on, they reach whatever handles them above.
    if (!(error instanceof PlaceLoadError)) throw error;
    return (
      <div className="card place-load-error" role="alert">
        <p>{error.message}</p>
        <div className="place-load-error__actions">
          <button type="button" className="button" onClick={this.retry}>
            Try again
          </button>
          <button type="button" className="button button--quiet" onClick={() => window.location.reload()}>
            Reload page
          </button>
        </div>
      </div>
    );
  }
}
