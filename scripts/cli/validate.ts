/** `papers validate`: every content file against the schema. */
import { parseCommandArgs } from './args.ts';
import { countText } from '../../src/lib/count-text.ts';
import { validateContent } from '../../src/lib/papers/store.ts';
import type { CliContext } from './context.ts';
import { checkContentFolder } from './read-input.ts';

export const VALIDATE_HELP = `Usage: papers validate [--content-dir DIR]

Checks every paper file under <content-dir>/papers against the schema
(src/lib/papers/schema.ts) and reports every problem with its file, field,
what was expected and what was found. Exits 1 if there is any.
`;

export async function runValidate(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs('validate', {
    args,
    options: {
      'content-dir': { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    context.output.result(VALIDATE_HELP);
    return 0;
  }
  checkContentFolder(values['content-dir'], 'refuse');
  const report = await validateContent(values['content-dir']);
  for (const problem of report.problems) context.output.warn(problem);
  const files = countText(report.files, 'paper file');
  if (report.problems.length > 0) {
    context.output.result(`${files} checked: ${countText(report.problems.length, 'problem')}`);
    return 1;
  }
  context.output.result(`${files} checked: all valid`);
  return 0;
}
