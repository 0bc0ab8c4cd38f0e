// @vitest-environment jsdom
// The engine badge tells a visitor which engine trains and how fast, as the worker reports it.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineBadge } from '../../../src/components/train/EngineBadge';
import { useStore } from '../../../src/state/store';

const initial = useStore.getState();

afterEach(() => {
  cleanup();
  useStore.setState(initial, true);
});

describe('EngineBadge', () => {
  it('shows nothing until the worker has said which engine it uses', () => {
    useStore.setState({ engine: null, samplesPerSecond: 0 });
    render(<EngineBadge />);
    expect(screen.queryByTestId('engine-badge')).toBeNull();
  });

  it('names the WebAssembly SIMD engine, its worker count and the live speed as it changes', () => {
    useStore.setState({
      engine: {
        name: 'WebAssembly SIMD',
        workers: 1,
        chosenWorkers: 1,
        maxWorkers: 4,
        defaultWorkers: 3,
        singleWorkerReason: null,
      },
      samplesPerSecond: 61234.4,
    });
    render(<EngineBadge />);
    const badge = screen.getByTestId('engine-badge');
    expect(badge).toHaveTextContent('WebAssembly SIMD · 1 worker · 61,234 samples/s');
    expect(badge.getAttribute('title')).toMatch(/SIMD/);
    act(() => useStore.setState({ samplesPerSecond: 70500 }));
    expect(badge).toHaveTextContent('70,500 samples/s');
  });

  it('says when the TypeScript fallback trains, and counts several workers', () => {
    useStore.setState({
      engine: {
        name: 'TypeScript',
        workers: 3,
        chosenWorkers: 3,
        maxWorkers: 4,
        defaultWorkers: 3,
        singleWorkerReason: null,
      },
      samplesPerSecond: 0,
    });
    render(<EngineBadge />);
    const badge = screen.getByTestId('engine-badge');
    expect(badge).toHaveTextContent('TypeScript · 3 workers');
    expect(badge).not.toHaveTextContent('samples/s');
    expect(badge.getAttribute('title')).toMatch(/could not load the WebAssembly SIMD/);
  });
});
