/** `papers validate`: every content file against the schema. */
import { CONTENT_DIR_OPTION, defineCommand, HELP_OPTION, parseCommandArgs, showHelp } from './args.ts';
import { countText } from '../../src/lib/count-text.ts';
import { validateContent } from '../../src/lib/papers/store.ts';
import type { CliContext } from './context.ts';
import { checkContentFolder } from './read-input.ts';

export const VALIDATE_COMMAND = defineCommand({
  name: 'papers validate',
  usage: 'papers validate [options]',
  summary: 'check every paper file against the schema',
  description: `Checks every paper file under <content-dir>/papers against the schema
(src/lib/papers/schema.ts) and reports every problem with its file, field, what was expected and
what was found. Exits 1 if there is any.`,
  options: { 'content-dir': CONTENT_DIR_OPTION, ...HELP_OPTION },
});

export async function runValidate(args: string[], context: CliContext): Promise<number> {
  const { values } = parseCommandArgs(VALIDATE_COMMAND, args);
  if (values.help) return showHelp(VALIDATE_COMMAND, context);
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
