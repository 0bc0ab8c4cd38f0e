// @vitest-environment jsdom
// The model switch offers the trained model only once there is one.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelSwitch } from '../../../src/components/draw/ModelSwitch';

afterEach(cleanup);

describe('ModelSwitch', () => {
  it('keeps "Your trained model" disabled, with a pointer to training, until a live model exists', () => {
    render(<ModelSwitch value="default" liveAvailable={false} onChange={vi.fn()} />);
    expect(screen.getByRole('radio', { name: 'Default model' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Your trained model' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Train a network' })).toHaveAttribute('href', '#/train');
  });

  it('switches to the live model when there is one', async () => {
    const onChange = vi.fn();
    render(<ModelSwitch value="default" liveAvailable={true} onChange={onChange} />);
    await userEvent.setup().click(screen.getByRole('radio', { name: 'Your trained model' }));
    expect(onChange).toHaveBeenCalledWith('live');
    expect(screen.queryByRole('link', { name: 'Train a network' })).toBeNull();
  });
});
