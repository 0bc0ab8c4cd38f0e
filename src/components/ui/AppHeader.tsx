// The header on every place: the title, links to the four places, and the dataset status.
import { DatasetHeaderStatus } from './DatasetHeaderStatus';
import { formatHash } from './hash-route';
import { LANDING_PLACE, PLACES, type Place } from './places';

export function AppHeader({ current }: { readonly current: Place }) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href={formatHash(LANDING_PLACE)}>
          <span className="brand__mark" aria-hidden="true">
            7
          </span>
          Digit Lab
        </a>
        <nav className="nav" aria-label="Places">
          <ul>
            {PLACES.map((p) => (
              <li key={p.place}>
                <a href={formatHash(p.place)} aria-current={p.place === current ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <DatasetHeaderStatus />
      </div>
    </header>
  );
}
