// A row of links to Inspect's sections, kept in view at the top (sticky, scrolling sideways on a phone).
// Buttons, not #id anchors: the hash holds the route (#/inspect), so an anchor would leave the place.

/** Each section's heading id (set by its panel) and the short name its link shows. */
export const INSPECT_SECTIONS = [
  { headingId: 'inspect-digit-title', label: 'Digit' },
  { headingId: 'inspect-layers-title', label: 'Layers' },
  { headingId: 'inspect-weights-title', label: 'Weights' },
  { headingId: 'inspect-analysis-title', label: 'Analysis' },
  { headingId: 'inspect-how-title', label: 'How it works' },
  { headingId: 'inspect-browser-title', label: 'Browse digits' },
] as const;

function reducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Scrolls the heading's section to the top (below the sticky bars: its scroll-margin) and moves focus there. */
export function goToSection(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  const section = heading.closest('section') ?? heading;
  section.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
  // Focus goes with the view, so the next Tab and a screen reader carry on from the section chosen.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

export function InspectSectionNav() {
  return (
    <nav className="section-nav" aria-label="Inspect sections">
      <ul className="section-nav__list">
        {INSPECT_SECTIONS.map(({ headingId, label }) => (
          <li key={headingId}>
            <button type="button" className="section-nav__link" onClick={() => goToSection(headingId)}>
              {label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
