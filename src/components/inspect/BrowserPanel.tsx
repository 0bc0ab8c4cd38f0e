// The dataset browser wired to the store: page through digits and open one in the inspector.
import { useShallow } from 'zustand/react/shallow';
import { BROWSER_PAGE, browseDataset, inspectDatasetDigit } from '../../state/inspect-actions';
import { useStore } from '../../state/store';
import { DatasetBrowser } from './DatasetBrowser';
import { scrollToDigit } from './input-bytes';

export function BrowserPanel() {
  const browser = useStore(useShallow((s) => s.datasetBrowser));
  const total = browser.total ?? 0;
  return (
    <section className="card inspect-card" aria-labelledby="inspect-browser-title">
      <h2 id="inspect-browser-title" className="card__title">
        Browse the digits
      </h2>
      <p className="card__lead">All 70,000 MNIST digits, 40 at a time. Open any of them in the inspector.</p>
      <DatasetBrowser
        split={browser.split}
        label={browser.label}
        page={browser.page}
        pageCount={Math.ceil(total / BROWSER_PAGE)}
        total={total}
        digits={browser.digits}
        status={
          browser.total === null
            ? `Loading the ${browser.split === 'test' ? 'test' : 'training'} digits…`
            : null
        }
        onSplitChange={(split) => void browseDataset({ split })}
        onLabelChange={(label) => void browseDataset({ label })}
        onPageChange={(page) => void browseDataset({ page })}
        onOpen={(digit) => {
          void inspectDatasetDigit(browser.split, digit.index, digit.image, digit.label);
          scrollToDigit();
        }}
      />
    </section>
  );
}
