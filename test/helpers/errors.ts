import { expect } from 'vitest';
import { InputError } from '../../src/lib/sources/types.ts';

/** The message of the InputError `run` throws; fails the test if it throws nothing or something else. */
export function inputErrorOf(run: () => unknown): string {
  return messageOf(run, InputError);
}

/** The message of the error of class `kind` `run` throws; fails the test if it throws nothing or something else. */
export function messageOf(run: () => unknown, kind: new (...args: never[]) => Error): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return (error as Error).message;
  }
  throw new Error(`expected a ${kind.name}`);
}

/** The InputError a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function rejectedInputError(promise: Promise<unknown>): Promise<InputError> {
  return rejectedWith(promise, InputError);
}

/** The error of class `kind` a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function rejectedWith<E extends Error>(
  promise: Promise<unknown>,
  kind: new (...args: never[]) => E,
): Promise<E> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(kind);
  return error as E;
}
