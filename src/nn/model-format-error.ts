// The one error a malformed Digit Lab model file raises, naming what is wrong (expected vs found).

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}
