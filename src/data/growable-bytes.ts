// Collects streamed chunks into one Uint8Array, sized up front from a known length so a 47 MB file is not copied twice.
export class GrowableBytes {
  private buffer: Uint8Array;
  length = 0;

  constructor(expectedBytes: number) {
    this.buffer = new Uint8Array(Math.max(expectedBytes, 1024));
  }

  push(chunk: Uint8Array): void {
    if (this.length + chunk.byteLength > this.buffer.byteLength) {
      const grown = new Uint8Array(Math.max(this.buffer.byteLength * 2, this.length + chunk.byteLength));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.byteLength;
  }

  /** The collected bytes; no copy when the expected size was exact. */
  bytes(): Uint8Array {
    return this.length === this.buffer.byteLength ? this.buffer : this.buffer.slice(0, this.length);
  }
}
