// @vitest-environment jsdom
// The network picker offers both shipped networks, and the trained model only once there is one.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelSwitch } from '../../../src/components/draw/ModelSwitch';

afterEach(cleanup);

const REFERENCE = 'Reference 784-200-100-25-10';

describe('ModelSwitch', () => {
  it('offers the reference, the convolutional and the trained network, with the chosen one checked', () => {
    render(<ModelSwitch value="convolutional" liveAvailable={false} onChange={vi.fn()} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      REFERENCE,
      'Convolutional',
      'Your trained model',
    ]);
    expect(screen.getByRole('radio', { name: 'Convolutional' })).toBeChecked();
    expect(screen.getByRole('radio', { name: REFERENCE })).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Network' })).toBeInTheDocument();
  });

  it('keeps "Your trained model" disabled, with a pointer to training, until a live model exists', () => {
    render(<ModelSwitch value="reference" liveAvailable={false} onChange={vi.fn()} />);
    expect(screen.getByRole('radio', { name: REFERENCE })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Your trained model' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Train a network' })).toHaveAttribute('href', '#/train');
  });

  it('reports each pick by its name', async () => {
    const onChange = vi.fn();
    render(<ModelSwitch value="reference" liveAvailable={true} onChange={onChange} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Convolutional' }));
    expect(onChange).toHaveBeenLastCalledWith('convolutional');
    await user.click(screen.getByRole('radio', { name: 'Your trained model' }));
    expect(onChange).toHaveBeenLastCalledWith('live');
    expect(screen.queryByRole('link', { name: 'Train a network' })).toBeNull();
  });

  it('moves between the networks with the arrow keys, as one radio group', async () => {
    const onChange = vi.fn();
    render(<ModelSwitch value="reference" liveAvailable={false} onChange={onChange} />);
    screen.getByRole('radio', { name: REFERENCE }).focus();
    await userEvent.setup().keyboard('{ArrowDown}');
    expect(onChange).toHaveBeenLastCalledWith('convolutional');
  });

  it('says why another network reads the drawing, in a polite live region that is there beforehand', () => {
    const { rerender } = render(<ModelSwitch value="reference" liveAvailable={false} onChange={vi.fn()} />);
    const status = screen.getByTestId('model-notice');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();
    rerender(
      <ModelSwitch
        value="reference"
        liveAvailable={false}
        onChange={vi.fn()}
        notice="Sorry: the Convolutional network could not be downloaded."
      />,
    );
    expect(screen.getByTestId('model-notice')).toBe(status);
    expect(status).toHaveTextContent('Sorry: the Convolutional network could not be downloaded.');
  });
});
