/** Errors the CLI reports as one plain line: the user's input or setup is at fault. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A command stopped for a reason of its own the user can act on (a build
 * that failed, a file that cannot be read); src/lib's errors are its own.
 */
export class RunError extends Error {
  override name = 'RunError';
}
