import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLI_DOC, cliReference, DOCUMENTED } from '../../scripts/docs-cli.ts';

describe('docs/cli.md', () => {
  it('is the reference generated from the option tables (run "npm run docs:cli" after changing one)', async () => {
    expect(await readFile(CLI_DOC, 'utf8')).toBe(await cliReference());
  });

  it('documents every option of every command', async () => {
    const doc = await readFile(CLI_DOC, 'utf8');
    for (const command of DOCUMENTED) {
      const section = doc.split(`\n## ${command.name}\n`)[1]?.split('\n## ')[0] ?? '';
      for (const name of Object.keys(command.options))
        expect(section, `${command.name} --${name}`).toContain(`\`--${name}`);
    }
  });
});

describe('the contents of docs/cli.md', () => {
  it('link to the headings by the ids GitHub gives them', async () => {
    const doc = await readFile(CLI_DOC, 'utf8');
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    expect(links).toContain('node-benchgeneratets');
    expect(links).toHaveLength(DOCUMENTED.length);
  });
});
