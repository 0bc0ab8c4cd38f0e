// A small block of live numbers in brackets, as plain HTML: it changes every second during training, which
// typesetting it with KaTeX each time would make a long main-thread task.

export interface NumberMatrixProps {
  readonly values: ArrayLike<number>;
  readonly size: number;
  /** What the numbers are, for screen readers (the values follow, row by row). */
  readonly label: string;
  /** One entry to box (a pooling window's winner). */
  readonly boxed?: number;
  readonly format?: (value: number) => string;
}

export const twoDecimals = (v: number) => (v === 0 ? '0' : v.toFixed(2));

export function NumberMatrix({ values, size, label, boxed = -1, format = twoDecimals }: NumberMatrixProps) {
  const rows = Array.from({ length: size }, (_, u) =>
    Array.from({ length: size }, (_, v) => format(values[u * size + v])),
  );
  return (
    <span
      className="number-matrix"
      role="img"
      aria-label={`${label}: ${rows.map((row) => row.join(', ')).join('; ')}`}
      style={{ gridTemplateColumns: `repeat(${size}, auto)` }}
    >
      {rows.flatMap((row, u) =>
        row.map((text, v) => (
          <span key={u * size + v} className={u * size + v === boxed ? 'number-matrix__boxed' : undefined}>
            {text}
          </span>
        )),
      )}
    </span>
  );
}
