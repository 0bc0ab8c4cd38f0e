// @vitest-environment jsdom
// A place fetched on first visit: announced while it downloads, a failed download explained with Try again.
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazyPlace, type PlaceModuleLoader } from '../../../src/components/ui/lazy-place';
import { LazyPlacePage } from '../../../src/components/ui/LazyPlacePage';
import { PlaceLoadError } from '../../../src/components/ui/place-load-error';

class OuterBoundary extends Component<
  { readonly onError: (error: unknown) => void; readonly children: ReactNode },
  { readonly failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? <p>outer boundary</p> : this.props.children;
  }
}

function TrainStandIn() {
  return <h1>Train</h1>;
}

/** A loader whose downloads the test settles one by one. */
function controlledLoader() {
  const downloads: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const load = vi.fn<PlaceModuleLoader>(
    () => new Promise((resolve, reject) => downloads.push({ resolve: () => resolve(TrainStandIn), reject })),
  );
  return { load, downloads };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('LazyPlacePage', () => {
  it('says the place is loading while its code downloads, then shows it', async () => {
    const { load, downloads } = controlledLoader();
    render(<LazyPlacePage place="train" lazy={lazyPlace('train', load)} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading Train…');
    expect(screen.queryByRole('heading')).toBeNull();
    await act(async () => downloads[0].resolve());
    expect(screen.getByRole('heading', { name: 'Train' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('explains a failed download and downloads again on Try again', async () => {
    // React reports the caught error on the console; the message on the page is what this test is about.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, downloads } = controlledLoader();
    render(<LazyPlacePage place="train" lazy={lazyPlace('train', load)} />);
    await act(async () => downloads[0].reject(new TypeError('Failed to fetch dynamically imported module')));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The Train page could not be downloaded.');
    expect(alert).toHaveTextContent('reload the page');
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Loading Train…');
    await act(async () => downloads[1].resolve());
    expect(screen.getByRole('heading', { name: 'Train' })).toBeInTheDocument();
  });

  it('lets an error that is not a download reach the boundary above', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('a bug in the page');
    }
    const caught: unknown[] = [];
    render(
      <OuterBoundary onError={(error) => caught.push(error)}>
        <LazyPlacePage place="train" lazy={lazyPlace('train', () => Promise.resolve(Broken))} />
      </OuterBoundary>,
    );
    expect(await screen.findByText('outer boundary')).toBeInTheDocument();
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ message: 'a bug in the page' });
    expect(caught[0]).not.toBeInstanceOf(PlaceLoadError);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
