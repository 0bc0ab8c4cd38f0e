// @vitest-environment jsdom
// The Draw place's network picker against a real session: only the chosen shipped file is downloaded, the page
// says which network answered, the choice outlives a reload, and an unavailable one gives way to the reference.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/worker/client', async () =>
  (await import('../../worker/main-thread-client')).mainThreadClient(),
);
vi.mock('../../../src/state/app-update-actions', () => ({ startOfflineSupport: () => undefined }));

const REFERENCE = 'Reference 784-200-100-25-10';
const FILES: Record<string, string> = {
  '/models/default.dlm': 'public/models/default.dlm',
  '/models/cnn.dlm': 'public/models/cnn.dlm',
};

/** The paths the page fetched, and which of them answer 404 (a failed download). */
let fetched: string[];
let missing: Set<string>;

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
  fetched = [];
  missing = new Set();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL | string) => {
      const path = new URL(url).pathname;
      fetched.push(path);
      if (missing.has(path) || !(path in FILES)) return new Response('', { status: 404 });
      return new Response(readFileSync(FILES[path]));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A fresh page (as after a reload): the store, the actions and the worker session start anew. */
async function openDrawPlace() {
  const actions = await import('../../../src/state/prediction-actions');
  const { useStore } = await import('../../../src/state/store');
  const { DrawPage } = await import('../../../src/components/draw/DrawPage');
  void actions.startReading().catch(() => undefined);
  render(<DrawPage />);
  const pad = screen.getByTestId('drawing-pad');
  // jsdom lays nothing out: give the pad the 280 px box a browser would.
  pad.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width: 280,
    height: 280,
    right: 280,
    bottom: 280,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return { pad, useStore };
}

/** A "1": one vertical stroke. */
function drawOne(pad: HTMLElement) {
  const pointer = { pointerId: 1, pointerType: 'mouse' };
  fireEvent.pointerDown(pad, { ...pointer, button: 0, clientX: 140, clientY: 40 });
  fireEvent.pointerMove(pad, { ...pointer, clientX: 140, clientY: 140 });
  fireEvent.pointerUp(pad, { ...pointer, clientX: 140, clientY: 240 });
}

const answeredBy = () => screen.findByTestId('answered-by', {}, { timeout: 10_000 });

describe('the Draw place’s network picker', () => {
  it('reads with the reference by default and never downloads the convolutional network', async () => {
    const { pad } = await openDrawPlace();
    expect(screen.getByRole('radio', { name: REFERENCE })).toBeChecked();
    drawOne(pad);
    expect(await answeredBy()).toHaveTextContent(`read by ${REFERENCE}`);
    expect(screen.getByTestId('top-digit')).toHaveTextContent('1');
    expect(fetched).toEqual(['/models/default.dlm']);
    expect(screen.getByTestId('model-notice')).toBeEmptyDOMElement();
  });

  it('switches to the convolutional network, says it answered, and remembers it across a reload', async () => {
    const first = await openDrawPlace();
    drawOne(first.pad);
    expect(await answeredBy()).toHaveTextContent(`read by ${REFERENCE}`);
    const referenceProbabilities = first.useStore.getState().prediction!.probabilities;
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Convolutional' }));
    await waitFor(() => expect(screen.getByTestId('answered-by')).toHaveTextContent('read by Convolutional'));
    expect(screen.getByTestId('top-digit')).toHaveTextContent('1');
    expect(first.useStore.getState().prediction!.probabilities).not.toEqual(referenceProbabilities);
    expect(fetched).toEqual(['/models/default.dlm', '/models/cnn.dlm']);
    expect(localStorage.getItem('digit-lab.model')).toBe('convolutional');

    // Back to the reference: its download is kept, not fetched again.
    await userEvent.setup().click(screen.getByRole('radio', { name: REFERENCE }));
    await waitFor(() => expect(screen.getByTestId('answered-by')).toHaveTextContent(`read by ${REFERENCE}`));
    expect(fetched).toHaveLength(2);
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Convolutional' }));

    cleanup();
    vi.resetModules();
    fetched = [];
    const second = await openDrawPlace();
    expect(screen.getByRole('radio', { name: 'Convolutional' })).toBeChecked();
    drawOne(second.pad);
    expect(await answeredBy()).toHaveTextContent('read by Convolutional');
    // A visitor who chose the CNN does not download the reference network either.
    expect(fetched).toEqual(['/models/cnn.dlm']);
  });

  it('falls back to the reference, politely and visibly, when the convolutional network cannot be downloaded', async () => {
    localStorage.setItem('digit-lab.model', 'convolutional');
    missing.add('/models/cnn.dlm');
    const { pad } = await openDrawPlace();
    await waitFor(() => expect(screen.getByRole('radio', { name: REFERENCE })).toBeChecked());
    expect(screen.getByTestId('model-notice')).toHaveTextContent(
      `Sorry, the Convolutional network could not be downloaded (HTTP 404), so the ${REFERENCE} network reads your drawing instead. Choose Convolutional again to retry.`,
    );
    drawOne(pad);
    expect(await answeredBy()).toHaveTextContent(`read by ${REFERENCE}`);
    expect(screen.queryByRole('alert')).toBeNull();
    // The choice is still remembered: a failed download may work on the next visit.
    expect(localStorage.getItem('digit-lab.model')).toBe('convolutional');

    missing.clear();
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Convolutional' }));
    await waitFor(() => expect(screen.getByTestId('answered-by')).toHaveTextContent('read by Convolutional'));
    expect(screen.getByTestId('model-notice')).toBeEmptyDOMElement();
  });

  it('reads with the reference after a reload when "Your trained model" was chosen, and says why', async () => {
    localStorage.setItem('digit-lab.model', 'live');
    const { pad } = await openDrawPlace();
    expect(screen.getByRole('radio', { name: REFERENCE })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Your trained model' })).toBeDisabled();
    expect(screen.getByTestId('model-notice')).toHaveTextContent(
      `Your trained model is gone since the page was reloaded, so the ${REFERENCE} network reads your drawing.`,
    );
    drawOne(pad);
    expect(await answeredBy()).toHaveTextContent(`read by ${REFERENCE}`);
    expect(fetched).toEqual(['/models/default.dlm']);
    // Said once: the next visit reads with the reference without a word.
    expect(localStorage.getItem('digit-lab.model')).toBe('reference');
  });
});
