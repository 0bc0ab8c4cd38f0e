// @vitest-environment jsdom
// Inspect's section links: a labelled nav landmark whose buttons scroll to a section and move focus to its
// heading, leaving the hash route alone.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INSPECT_SECTIONS, InspectSectionNav } from '../../../src/components/inspect/InspectSectionNav';

afterEach(cleanup);

function Sections() {
  return (
    <>
      <InspectSectionNav />
      {INSPECT_SECTIONS.map(({ headingId, label }) => (
        <section key={headingId} aria-labelledby={headingId}>
          <h2 id={headingId}>{label}</h2>
        </section>
      ))}
    </>
  );
}

describe('InspectSectionNav', () => {
  it('scrolls the chosen section into view and focuses its heading, the route unchanged', async () => {
    const scrolled: Element[] = [];
    // jsdom lays nothing out and has no scrollIntoView.
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    window.location.hash = '#/inspect';
    render(<Sections />);
    const nav = screen.getByRole('navigation', { name: 'Inspect sections' });
    expect(nav).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Analysis' }));
    const heading = screen.getByRole('heading', { name: 'Analysis' });
    expect(heading).toHaveFocus();
    expect(scrolled).toEqual([heading.closest('section')]);
    expect(window.location.hash).toBe('#/inspect');
    await userEvent.click(screen.getByRole('button', { name: 'Browse digits' }));
    expect(screen.getByRole('heading', { name: 'Browse digits' })).toHaveFocus();
  });
});
