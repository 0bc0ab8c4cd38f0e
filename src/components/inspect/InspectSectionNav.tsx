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

/** How long a jump keeps its section aligned while panels above it finish drawing (the analysis, formulas). */
const SETTLE_MS = 2500;
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** Scrolls the heading's section to the top (below the sticky bars: its scroll-margin) and moves focus there. */
export function goToSection(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  const section = heading.closest('section') ?? heading;
  section.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
  keepAlignedWhileLayoutSettles(section);
  // Focus goes with the view, so the next Tab and a screen reader carry on from the section chosen.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

/**
 * A panel above the section that grows mid-scroll (the test-set analysis arriving, formulas typeset) would
 * leave the section below the screen: until the layout settles, a change of size re-aligns it at once. The
 * person's own scrolling, tapping or typing ends this, so it never fights them.
 */
function keepAlignedWhileLayoutSettles(section: Element): void {
  const container = section.parentElement;
  if (!container || typeof ResizeObserver === 'undefined') return;
  let firstCallback = true;
  const observer = new ResizeObserver(() => {
    // The first callback reports the size at observe time, not a change.
    if (firstCallback) {
      firstCallback = false;
      return;
    }
    section.scrollIntoView({ behavior: 'auto', block: 'start' });
  });
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
    for (const type of USER_SCROLL_EVENTS) window.removeEventListener(type, stop, true);
  };
  const timer = window.setTimeout(stop, SETTLE_MS);
  for (const type of USER_SCROLL_EVENTS)
    window.addEventListener(type, stop, { capture: true, passive: true });
  observer.observe(container);
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
