// How often a hidden unit or a conv/pool channel fires on the test digits, or that it never does (dead).

export function FireRateNote({
  isDead,
  fires,
  samples,
}: {
  readonly isDead: boolean;
  readonly fires: number | null;
  readonly samples: number;
}) {
  if (isDead) {
    return (
      <span className="dead-note">
        {' '}
        · dead: fires on none of the {samples.toLocaleString('en')} test digits
      </span>
    );
  }
  if (fires === null || samples === 0) return null;
  return <span className="muted"> · fires on {((100 * fires) / samples).toFixed(0)}% of test digits</span>;
}
