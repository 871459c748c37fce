/**
 * What the CLI prints. Results go to stdout; progress goes to stderr and only
 * on an interactive terminal outside CI, so logs of scheduled runs stay clean.
 */
export interface Output {
  result: (line: string) => void;
  warn: (line: string) => void;
  progress: (line: string) => void;
}

/** `ci`: the CI variable is set (src/lib/config/env.ts readSwitch). */
export function consoleOutput(ci: boolean): Output {
  const interactive = Boolean(process.stderr.isTTY) && !ci;
  return {
    result: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    progress: interactive ? (line) => process.stderr.write(`${line}\n`) : () => {},
  };
}
