// The training session's one error class: a call that the session's current state cannot honour.
export class TrainerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainerError';
  }
}
