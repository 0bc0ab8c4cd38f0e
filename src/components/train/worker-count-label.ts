// How a worker count reads on the Train page: "1 worker", "3 workers".
export function workerCountLabel(count: number): string {
  return count === 1 ? '1 worker' : `${count} workers`;
}
