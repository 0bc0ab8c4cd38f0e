// @vitest-environment jsdom
// The new-version offer: a Reload button when a build waits, a waiting message instead while a run trains.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useStore } from '../../../src/state/store';
import { UpdateBanner } from '../../../src/components/ui/UpdateBanner';

const initial = useStore.getState();

beforeEach(() => {
  useStore.setState(initial, true);
});

afterEach(() => {
  cleanup();
});

describe('UpdateBanner', () => {
  it('says nothing until a new build waits, in a live region that is already there', () => {
    render(<UpdateBanner />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    act(() => useStore.setState({ appUpdateWaiting: true }));
    expect(region).toHaveTextContent('A new version of Digit Lab is ready.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('offers no Reload while a run trains, and offers it once training stops', () => {
    useStore.setState({ appUpdateWaiting: true, trainingStatus: 'running' });
    render(<UpdateBanner />);
    expect(screen.getByRole('status')).toHaveTextContent(/Reload will be offered when training stops/);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    act(() => useStore.setState({ trainingStatus: 'stopped' }));
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('hides the offer for this page on Not now', async () => {
    useStore.setState({ appUpdateWaiting: true });
    render(<UpdateBanner />);
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('keeps the offer beside a paused run (nothing is lost that a checkpoint has not kept)', () => {
    useStore.setState({ appUpdateWaiting: true, trainingStatus: 'paused' });
    render(<UpdateBanner />);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });
});
