// Earlier runs of this session: tick one to draw its curves under the current run's.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { runLabel } from './run-label';

function finalTest(accuracy: number | undefined): string {
  return accuracy === undefined ? 'no test yet' : `test ${(accuracy * 100).toFixed(1)}%`;
}

export function RunComparison() {
  const { pastRuns, comparedRunIds, toggle, clear } = useStore(
    useShallow((s) => ({
      pastRuns: s.pastRuns,
      comparedRunIds: s.comparedRunIds,
      toggle: s.toggleComparedRun,
      clear: s.clearPastRuns,
    })),
  );
  if (pastRuns.length === 0) return null;
  return (
    <fieldset className="run-comparison">
      <legend>Compare with earlier runs</legend>
      <ul>
        {pastRuns.map((run) => (
          <li key={run.id}>
            <label>
              <input
                type="checkbox"
                checked={comparedRunIds.includes(run.id)}
                onChange={() => toggle(run.id)}
              />
              {runLabel(run.id, run.config)} ({run.end}, {finalTest(run.test.at(-1)?.accuracy)})
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--small button--secondary" onClick={clear}>
        Forget earlier runs
      </button>
    </fieldset>
  );
}
