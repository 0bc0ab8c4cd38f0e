// The Kernels interface over the AssemblyScript SIMD module: buffers laid out in one linear-memory arena.
import { distortDigits, DISTORTION_STRIDE, type AugmentScratch } from '../nn/augment-digit';
import { im2colConv2dBackward, im2colConv2dForward, type ConvGeometry, type ConvScratch } from '../nn/conv2d';
import { typescriptKernels, type Kernels } from '../nn/kernels';
import { poolForward, type PoolGeometry } from '../nn/max-pool';
import { fillSparseRows, PIXEL_SCALE, type SparseRows } from '../nn/sparse-rows';

/** What assembly/index.ts exports; every pointer is a byte address in `memory`. */
export interface KernelModuleExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  matmul(
    out: number,
    a: number,
    b: number,
    m: number,
    k: number,
    n: number,
    aRowStride: number,
    aColStride: number,
    scratch: number,
  ): void;
  transpose(out: number, a: number, rows: number, cols: number): void;
  transposeInto(out: number, a: number, rows: number, cols: number, outStride: number): void;
  fillSparseRows(
    rowStart: number,
    columns: number,
    values: number,
    pixels: number,
    count: number,
    pixelsPerImage: number,
    scale: number,
  ): void;
  sparseMatmul(
    out: number,
    rowStart: number,
    columns: number,
    values: number,
    b: number,
    m: number,
    n: number,
    scratch: number,
  ): void;
  sparseMatmulAtB(
    out: number,
    rowStart: number,
    columns: number,
    values: number,
    b: number,
    m: number,
    k: number,
    n: number,
    scratch: number,
  ): void;
  addBiasRelu(z: number, bias: number, rows: number, cols: number, relu: number): void;
  reluBackward(grad: number, activation: number, length: number): void;
  columnSum(out: number, a: number, rows: number, cols: number): void;
  axpy(y: number, x: number, a: number, n: number): void;
  momentumUpdate(
    w: number,
    g: number,
    v: number,
    alpha: number,
    beta: number,
    scale: number,
    n: number,
  ): void;
  momentumUpdateSum(
    w: number,
    g: number,
    g2: number,
    v: number,
    alpha: number,
    beta: number,
    scale: number,
    n: number,
  ): void;
  adamUpdate(
    w: number,
    g: number,
    m: number,
    s: number,
    alpha: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    n: number,
  ): void;
  convForwardScratch(channels: number, filters: number, size: number, pixels: number): number;
  convForward(
    out: number,
    input: number,
    w: number,
    bias: number,
    batch: number,
    channels: number,
    height: number,
    width: number,
    filters: number,
    size: number,
    padding: number,
    outHeight: number,
    outWidth: number,
    scratch: number,
  ): void;
  convBackwardScratch(channels: number, filters: number, size: number, pixels: number): number;
  maxPoolForward(
    out: number,
    argmax: number,
    input: number,
    planes: number,
    height: number,
    width: number,
    size: number,
    outHeight: number,
    outWidth: number,
  ): void;
  distortDigitsScratch(side: number): number;
  distortDigits(
    out: number,
    images: number,
    count: number,
    side: number,
    distortions: number,
    fields: number,
    scratch: number,
  ): void;
  convBackward(
    dInput: number,
    dW: number,
    db: number,
    dOut: number,
    out: number,
    input: number,
    w: number,
    batch: number,
    channels: number,
    height: number,
    width: number,
    filters: number,
    size: number,
    padding: number,
    outHeight: number,
    outWidth: number,
    colT: number,
    dZ: number,
    dWn: number,
    scratch: number,
  ): void;
}

/** Marks a call whose operands do not fit in the arena; the TypeScript kernel does it instead. */
const NO_ROOM = -1;

const align16 = (byte: number): number => (byte + 15) & ~15;

/** The part of linear memory one instance may allocate from: all of it above the module's data by default. */
export interface ArenaBounds {
  /** First byte (rounded up to 16 and to the module's heap base). */
  readonly start: number;
  /** One past the last byte. */
  readonly end: number;
}

interface Block {
  readonly start: number;
  readonly bytes: number;
}

/**
 * Kernels running in WebAssembly SIMD. Memory is one fixed-size arena (the module never grows it, so views
 * into it stay valid): `allocate()` hands out Float32Arrays that live in it from the bottom, and a call's
 * operands that live elsewhere are copied above them for the call only. Arrays from `allocate()` cost no
 * copy, so a workspace built with it makes a training step copy-free. A block returns to the arena when its
 * array is garbage-collected (nothing in the engine keeps views of a workspace beyond the workspace); when
 * the arena is full, `allocate()` returns ordinary arrays, which work too, copied at each call.
 */
export class WasmKernels implements Kernels {
  readonly name = 'WebAssembly SIMD';
  private readonly wasm: KernelModuleExports;
  private readonly buffer: ArrayBuffer;
  private readonly f32: Float32Array;
  private readonly i32: Int32Array;
  private readonly u8: Uint8Array;
  private readonly f64: Float64Array;
  /** PIXEL_SCALE placed in the arena (held here, so its block is never collected). */
  private scaleTable: Float32Array | null = null;
  private readonly end: number;
  /** First free byte above the allocated arrays. */
  private arenaTop: number;
  /** Blocks below arenaTop whose arrays were collected, by start address. */
  private freeBlocks: Block[] = [];
  private readonly collected = new FinalizationRegistry<Block>((block) => this.release(block));
  /** First free byte of the current call's copies and scratch. */
  private callTop = 0;

  /**
   * `arena` confines this instance's allocations and call scratch to part of the memory: several workers
   * sharing one memory each get their own part, and the shared tensors lie outside every arena.
   */
  constructor(wasm: KernelModuleExports, arena?: ArenaBounds) {
    this.wasm = wasm;
    // A shared memory's buffer is a SharedArrayBuffer; views of either kind work the same here.
    this.buffer = wasm.memory.buffer as ArrayBuffer;
    this.f32 = new Float32Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.end = Math.min(arena?.end ?? this.buffer.byteLength, this.buffer.byteLength);
    this.arenaTop = align16(Math.max(wasm.heapBase(), arena?.start ?? 0));
  }

  /** The memory every array of these kernels lives in (a SharedArrayBuffer when the memory is shared). */
  get memoryBuffer(): ArrayBuffer {
    return this.buffer;
  }

  /** A Float32Array over memory these kernels did not allocate (tensors laid out by a shared-memory plan). */
  viewAt(byteOffset: number, length: number): Float32Array {
    return new Float32Array(this.buffer, byteOffset, length);
  }

  /** A zero-filled array in the arena (or, when the arena is full, an ordinary one). */
  allocate(length: number): Float32Array {
    const start = this.claim(length);
    return start === NO_ROOM
      ? new Float32Array(length)
      : this.track(new Float32Array(this.buffer, start, length));
  }

  /** allocate() for integers (sparse rows' indices). */
  allocateInt32(length: number): Int32Array {
    const start = this.claim(length);
    return start === NO_ROOM
      ? new Int32Array(length)
      : this.track(new Int32Array(this.buffer, start, length));
  }

  /** Byte address of a free block for `length` 4-byte values, or NO_ROOM. */
  private claim(length: number): number {
    const bytes = align16(Math.max(1, length) * 4);
    const reused = this.freeBlocks.findIndex((block) => block.bytes >= bytes);
    if (reused >= 0) {
      const block = this.freeBlocks[reused];
      if (block.bytes > bytes) {
        this.freeBlocks[reused] = { start: block.start + bytes, bytes: block.bytes - bytes };
      } else {
        this.freeBlocks.splice(reused, 1);
      }
      return block.start;
    }
    const start = this.arenaTop;
    if (start + bytes > this.end) return NO_ROOM;
    this.arenaTop = start + bytes;
    return start;
  }

  /** Zero-fills a new view of a claimed block and returns the block when the view is collected. */
  private track<T extends Float32Array | Int32Array>(view: T): T {
    view.fill(0);
    this.collected.register(view, { start: view.byteOffset, bytes: align16(Math.max(1, view.length) * 4) });
    return view;
  }

  /** Puts a collected array's block back, merging neighbours and lowering arenaTop when it can. */
  private release(block: Block): void {
    const blocks = this.freeBlocks;
    let index = blocks.findIndex((b) => b.start > block.start);
    if (index < 0) index = blocks.length;
    blocks.splice(index, 0, block);
    const merged: Block[] = [];
    for (const b of blocks) {
      const last = merged[merged.length - 1];
      if (last && last.start + last.bytes === b.start) {
        merged[merged.length - 1] = { start: last.start, bytes: last.bytes + b.bytes };
      } else {
        merged.push(b);
      }
    }
    const top = merged[merged.length - 1];
    if (top && top.start + top.bytes === this.arenaTop) {
      this.arenaTop = top.start;
      merged.pop();
    }
    this.freeBlocks = merged;
  }

  /** Bytes still free in the arena. */
  get freeBytes(): number {
    return this.end - this.arenaTop;
  }

  matmul(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.dense(out, a, b, m, k, n, k, 1, false);
  }

  matmulAtB(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.dense(out, a, b, m, k, n, 1, m, false);
  }

  matmulABt(out: Float32Array, a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
    this.dense(out, a, b, m, k, n, k, 1, true);
  }

  transpose(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
    this.callTop = this.arenaTop;
    const aAt = this.place(a, rows * cols);
    const outAt = this.output(out, rows * cols);
    if (aAt === NO_ROOM || outAt === NO_ROOM) {
      typescriptKernels.transpose(out, a, rows, cols);
      return;
    }
    this.wasm.transpose(outAt, aAt, rows, cols);
    this.copyOut(out, outAt, rows * cols);
  }

  sparseMatmul(out: Float32Array, s: SparseRows, b: Float32Array, m: number, n: number): void {
    this.callTop = this.arenaTop;
    const nonZero = s.rowStart[m];
    const rowStart = this.place(s.rowStart, m + 1);
    const columns = this.place(s.columns, nonZero);
    const values = this.place(s.values, nonZero);
    const bAt = this.place(b, b.length);
    const outAt = this.output(out, m * n);
    const scratch = this.reserve(4 * nonZero);
    if (scratch === NO_ROOM || outAt === NO_ROOM || Math.min(rowStart, columns, values, bAt) === NO_ROOM) {
      typescriptKernels.sparseMatmul(out, s, b, m, n);
      return;
    }
    this.wasm.sparseMatmul(outAt, rowStart, columns, values, bAt, m, n, scratch);
    this.copyOut(out, outAt, m * n);
  }

  sparseMatmulAtB(out: Float32Array, s: SparseRows, b: Float32Array, m: number, k: number, n: number): void {
    this.callTop = this.arenaTop;
    const nonZero = s.rowStart[m];
    const rowStart = this.place(s.rowStart, m + 1);
    const columns = this.place(s.columns, nonZero);
    const values = this.place(s.values, nonZero);
    const bAt = this.place(b, m * n);
    const outAt = this.output(out, k * n);
    const scratch = this.reserve(4 * (2 * k + 1) + 8 * nonZero);
    if (scratch === NO_ROOM || outAt === NO_ROOM || Math.min(rowStart, columns, values, bAt) === NO_ROOM) {
      typescriptKernels.sparseMatmulAtB(out, s, b, m, k, n);
      return;
    }
    this.wasm.sparseMatmulAtB(outAt, rowStart, columns, values, bAt, m, k, n, scratch);
    this.copyOut(out, outAt, k * n);
  }

  /** A·B (strides k, 1), Aᵀ·B (strides 1, m), or A·Bᵀ (B transposed into scratch first). */
  private dense(
    out: Float32Array,
    a: Float32Array,
    b: Float32Array,
    m: number,
    k: number,
    n: number,
    aRowStride: number,
    aColStride: number,
    transposeB: boolean,
  ): void {
    this.callTop = this.arenaTop;
    const aAt = this.place(a, m * k);
    let bAt = this.place(b, k * n);
    if (transposeB && bAt !== NO_ROOM) {
      const stored = bAt;
      bAt = this.reserve(4 * k * n);
      // A·Bᵀ becomes A·(Bᵀ), so the zeros of A (ReLU outputs) can be skipped like everywhere else.
      if (bAt !== NO_ROOM) this.wasm.transpose(bAt, stored, n, k);
    }
    const outAt = this.output(out, m * n);
    const scratch = this.reserve(8 * k);
    if (scratch === NO_ROOM || outAt === NO_ROOM || aAt === NO_ROOM || bAt === NO_ROOM) {
      if (transposeB) typescriptKernels.matmulABt(out, a, b, m, k, n);
      else if (aColStride === 1) typescriptKernels.matmul(out, a, b, m, k, n);
      else typescriptKernels.matmulAtB(out, a, b, m, k, n);
      return;
    }
    this.wasm.matmul(outAt, aAt, bAt, m, k, n, aRowStride, aColStride, scratch);
    this.copyOut(out, outAt, m * n);
  }

  // The rest of a step works in place on arena arrays only (the Trainer's workspace, weights and optimizer
  // state all live there); an operand elsewhere means the TypeScript twin, which is as fast as copying it in.

  addBiasRelu(z: Float32Array, bias: Float32Array, rows: number, cols: number, relu: boolean): void {
    if (this.isInArena(z) && this.isInArena(bias)) {
      this.wasm.addBiasRelu(z.byteOffset, bias.byteOffset, rows, cols, relu ? 1 : 0);
    } else {
      typescriptKernels.addBiasRelu?.(z, bias, rows, cols, relu);
    }
  }

  reluBackward(grad: Float32Array, activation: Float32Array, length: number): void {
    if (this.isInArena(grad) && this.isInArena(activation)) {
      this.wasm.reluBackward(grad.byteOffset, activation.byteOffset, length);
    } else {
      typescriptKernels.reluBackward?.(grad, activation, length);
    }
  }

  columnSum(out: Float32Array, a: Float32Array, rows: number, cols: number): void {
    if (this.isInArena(out) && this.isInArena(a)) {
      this.wasm.columnSum(out.byteOffset, a.byteOffset, rows, cols);
    } else {
      typescriptKernels.columnSum?.(out, a, rows, cols);
    }
  }

  axpy(y: Float32Array, x: Float32Array, a: number, n: number): void {
    if (this.isInArena(y) && this.isInArena(x)) this.wasm.axpy(y.byteOffset, x.byteOffset, a, n);
    else typescriptKernels.axpy?.(y, x, a, n);
  }

  momentumUpdate(
    w: Float32Array,
    g: Float32Array,
    v: Float32Array,
    alpha: number,
    beta: number,
    scale: number,
    n: number,
  ): void {
    if (this.isInArena(w) && this.isInArena(g) && this.isInArena(v)) {
      this.wasm.momentumUpdate(w.byteOffset, g.byteOffset, v.byteOffset, alpha, beta, scale, n);
    } else {
      typescriptKernels.momentumUpdate?.(w, g, v, alpha, beta, scale, n);
    }
  }

  momentumUpdateSum(
    w: Float32Array,
    g: Float32Array,
    g2: Float32Array,
    v: Float32Array,
    alpha: number,
    beta: number,
    scale: number,
    n: number,
  ): void {
    if (this.isInArena(w) && this.isInArena(g) && this.isInArena(g2) && this.isInArena(v)) {
      this.wasm.momentumUpdateSum(
        w.byteOffset,
        g.byteOffset,
        g2.byteOffset,
        v.byteOffset,
        alpha,
        beta,
        scale,
        n,
      );
    } else {
      typescriptKernels.momentumUpdateSum?.(w, g, g2, v, alpha, beta, scale, n);
    }
  }

  adamUpdate(
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    s: Float32Array,
    alpha: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    n: number,
  ): void {
    if (this.isInArena(w) && this.isInArena(g) && this.isInArena(m) && this.isInArena(s)) {
      this.wasm.adamUpdate(
        w.byteOffset,
        g.byteOffset,
        m.byteOffset,
        s.byteOffset,
        alpha,
        beta1,
        beta2,
        epsilon,
        n,
      );
    } else {
      typescriptKernels.adamUpdate?.(w, g, m, s, alpha, beta1, beta2, epsilon, n);
    }
  }

  transposeInto(out: Float32Array, a: Float32Array, rows: number, cols: number, outStride: number): void {
    if (this.isInArena(out) && this.isInArena(a)) {
      this.wasm.transposeInto(out.byteOffset, a.byteOffset, rows, cols, outStride);
    } else {
      typescriptKernels.transposeInto?.(out, a, rows, cols, outStride);
    }
  }

  /**
   * The whole layer in one call (assembly/conv.ts) when the maps and scratch live in the arena (a workspace
   * from allocate()); the weights are copied in when they live elsewhere (a few thousand values). Otherwise
   * the im2col twin runs on these kernels' products.
   */
  conv2dForward(
    out: Float32Array,
    input: Float32Array,
    W: Float32Array,
    b: Float32Array,
    batch: number,
    g: ConvGeometry,
    scratch: ConvScratch,
  ): void {
    this.callTop = this.arenaTop;
    const wAt = this.place(W, W.length);
    const bAt = this.place(b, b.length);
    const scratchAt = this.reserve(
      this.wasm.convForwardScratch(g.channels, g.filters, g.size, g.outHeight * g.outWidth),
    );
    if (!this.isInArena(out) || !this.isInArena(input) || Math.min(wAt, bAt, scratchAt) === NO_ROOM) {
      im2colConv2dForward(out, input, W, b, batch, g, scratch, this);
      return;
    }
    this.wasm.convForward(
      out.byteOffset,
      input.byteOffset,
      wAt,
      bAt,
      batch,
      g.channels,
      g.height,
      g.width,
      g.filters,
      g.size,
      g.padding,
      g.outHeight,
      g.outWidth,
      scratchAt,
    );
  }

  /** conv2dForward's conditions, and the scratch's im2colᵀ, dZ and per-sample dW also in the arena. */
  conv2dBackward(
    dInput: Float32Array | null,
    dW: Float32Array,
    db: Float32Array,
    dOut: Float32Array,
    out: Float32Array,
    input: Float32Array,
    W: Float32Array,
    batch: number,
    g: ConvGeometry,
    scratch: ConvScratch,
  ): void {
    this.callTop = this.arenaTop;
    const wAt = this.place(W, W.length);
    const pixels = g.outHeight * g.outWidth;
    const scratchAt = this.reserve(this.wasm.convBackwardScratch(g.channels, g.filters, g.size, pixels));
    // One condition per operand, not an array of them: a training step allocates nothing.
    const resident =
      this.isInArena(dW) &&
      this.isInArena(db) &&
      this.isInArena(dOut) &&
      this.isInArena(out) &&
      this.isInArena(input) &&
      this.isInArena(scratch.col) &&
      this.isInArena(scratch.z) &&
      this.isInArena(scratch.dW);
    if (!resident || (dInput !== null && !this.isInArena(dInput)) || Math.min(wAt, scratchAt) === NO_ROOM) {
      im2colConv2dBackward(dInput, dW, db, dOut, out, input, W, batch, g, scratch, this);
      return;
    }
    this.wasm.convBackward(
      dInput === null ? 0 : dInput.byteOffset,
      dW.byteOffset,
      db.byteOffset,
      dOut.byteOffset,
      out.byteOffset,
      input.byteOffset,
      wAt,
      batch,
      g.channels,
      g.height,
      g.width,
      g.filters,
      g.size,
      g.padding,
      g.outHeight,
      g.outWidth,
      scratch.col.byteOffset,
      scratch.z.byteOffset,
      scratch.dW.byteOffset,
      scratchAt,
    );
  }

  /** In place on arena arrays (the layer workspace), else the twin. */
  maxPoolForward(
    out: Float32Array,
    argmax: Int32Array,
    input: Float32Array,
    batch: number,
    g: PoolGeometry,
  ): void {
    if (this.isInArena(out) && this.isInArena(argmax) && this.isInArena(input)) {
      this.wasm.maxPoolForward(
        out.byteOffset,
        argmax.byteOffset,
        input.byteOffset,
        batch * g.channels,
        g.height,
        g.width,
        g.size,
        g.outHeight,
        g.outWidth,
      );
    } else {
      poolForward(out, argmax, input, batch, g);
    }
  }

  /**
   * The batch's images are copied next to each other into call scratch, then listed in SIMD; sparse rows
   * outside the arena go to the TypeScript twin. The copy waits on memory (a shuffled batch's images are
   * 128 cache misses apart in a 47 MB set) more than it computes: about 70 µs for 128 images, the listing
   * another 30–60 µs, where the TypeScript twin took 220–300 µs for both.
   */
  fillSparseRows(
    rows: SparseRows,
    pixels: Uint8Array,
    pixelsPerImage: number,
    order: Uint32Array | null,
    start: number,
    count: number,
  ): void {
    // The table first: placing it allocates from the arena, and call scratch starts above allocations.
    const scale = this.placedScale();
    this.callTop = this.arenaTop;
    const inArena =
      this.isInArena(rows.rowStart) && this.isInArena(rows.columns) && this.isInArena(rows.values);
    const images = inArena && scale !== NO_ROOM ? this.reserve(count * pixelsPerImage) : NO_ROOM;
    if (images === NO_ROOM) {
      fillSparseRows(rows, pixels, pixelsPerImage, order, start, count);
      return;
    }
    for (let r = 0; r < count; r++) {
      const from = (order === null ? start + r : order[start + r]) * pixelsPerImage;
      this.u8.set(pixels.subarray(from, from + pixelsPerImage), images + r * pixelsPerImage);
    }
    this.wasm.fillSparseRows(
      rows.rowStart.byteOffset,
      rows.columns.byteOffset,
      rows.values.byteOffset,
      images,
      count,
      pixelsPerImage,
      scale,
    );
  }

  /**
   * The batch's digits are copied next to each other into call scratch with their draws, distorted there
   * (assembly/distort-digits.ts) and copied out. The elastic fields must live in the arena (the augmenter makes
   * them with allocate()): copying 1.6 MB per call would cost more than the twin. An epoch's 60,000 digits took
   * about 0.5 s in Node against 1.1 s for the twin (bench/augment-micro.ts, on a busy machine); the copies
   * about 25 ms of it.
   */
  distortDigits(
    out: Uint8Array,
    images: Uint8Array,
    order: Uint32Array,
    start: number,
    count: number,
    side: number,
    distortions: Float64Array,
    fields: Float32Array | null,
    scratch: AugmentScratch,
  ): void {
    this.callTop = this.arenaTop;
    const pixels = side * side;
    const sources = this.reserve(count * pixels);
    const targets = this.reserve(count * pixels);
    const draws = this.reserve(8 * count * DISTORTION_STRIDE);
    const kernelScratch = this.reserve(this.wasm.distortDigitsScratch(side));
    if (kernelScratch === NO_ROOM || (fields !== null && !this.isInArena(fields))) {
      distortDigits(out, images, order, start, count, side, distortions, fields, scratch);
      return;
    }
    for (let r = 0; r < count; r++) {
      const from = order[start + r] * pixels;
      this.u8.set(images.subarray(from, from + pixels), sources + r * pixels);
    }
    this.f64.set(distortions.subarray(0, count * DISTORTION_STRIDE), draws >> 3);
    this.wasm.distortDigits(
      targets,
      sources,
      count,
      side,
      draws,
      fields === null ? 0 : fields.byteOffset,
      kernelScratch,
    );
    out.set(this.u8.subarray(targets, targets + count * pixels));
  }

  /** PIXEL_SCALE in the arena, placed on first use (NO_ROOM when the arena is full). */
  private placedScale(): number {
    if (this.scaleTable === null) {
      const table = this.allocate(PIXEL_SCALE.length);
      if (!this.isInArena(table)) return NO_ROOM;
      table.set(PIXEL_SCALE);
      this.scaleTable = table;
    }
    return this.scaleTable.byteOffset;
  }

  private isInArena(array: Float32Array | Int32Array): boolean {
    return array.buffer === this.buffer;
  }

  /** Byte address of `length` free bytes for this call, or NO_ROOM. */
  private reserve(bytes: number): number {
    const start = this.callTop;
    if (start === NO_ROOM || start + bytes > this.end) {
      this.callTop = NO_ROOM;
      return NO_ROOM;
    }
    this.callTop = align16(start + bytes);
    return start;
  }

  /** Address of the first `length` values of `array`: where it lives, or a copy made for this call. */
  private place(array: Float32Array | Int32Array, length: number): number {
    if (this.isInArena(array)) return array.byteOffset;
    const at = this.reserve(4 * length);
    if (at === NO_ROOM) return NO_ROOM;
    const source = length === array.length ? array : array.subarray(0, length);
    // Each through the view of its own type: a Float32Array view would convert integers, not copy their bits.
    if (source instanceof Int32Array) this.i32.set(source, at >> 2);
    else this.f32.set(source, at >> 2);
    return at;
  }

  /** Where the kernel writes `out`: in place when it lives in the arena, else a slot copied back after. */
  private output(out: Float32Array, length: number): number {
    return this.isInArena(out) ? out.byteOffset : this.reserve(4 * length);
  }

  private copyOut(out: Float32Array, at: number, length: number): void {
    if (this.isInArena(out)) return;
    out.set(this.f32.subarray(at >> 2, (at >> 2) + length));
  }
}
