// A one-line progress bar for a running epoch, redrawn in place on a terminal's stderr.

const WIDTH = 30;

export function drawProgress(
  stream: NodeJS.WriteStream,
  epoch: number,
  epochs: number,
  done: number,
  total: number,
  loss: number,
): void {
  const filled = Math.round((done / total) * WIDTH);
  const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
  stream.write(`\r  epoch ${epoch}/${epochs} [${bar}] ${done}/${total} batches  loss ${loss.toFixed(4)}`);
}

export function clearProgress(stream: NodeJS.WriteStream): void {
  stream.write('\r\x1b[2K');
}
