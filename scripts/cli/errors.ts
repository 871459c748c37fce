/** Errors the CLI reports as one plain line: the user's input or setup is at fault. */
export class UsageError extends Error {
  override name = 'UsageError';
}
