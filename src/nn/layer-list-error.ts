// The error for a layer list that cannot be parsed or cannot work; its message says why and what to write instead.

export class LayerListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayerListError';
  }
}
