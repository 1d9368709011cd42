import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, delay } from '../shared/extension';

// No review is started here: the template's problems follow the file as it is saved.

const BROKEN = [
  '---',
  'name: Broken',
  'principles:',
  '  - ENG-01',
  '  - ENG-77',
  'checklists: [nope]',
  '---',
  '# {{branch}} by {{ reviwer }}',
  '',
].join('\n');

const FIXED = ['---', 'name: Fixed', 'principles:', '  - ENG-01', '---', '# {{branch}} by {{reviewer}}', ''].join('\n');

async function problemsBecome(uri: vscode.Uri, expected: readonly string[], timeoutMs = 10_000): Promise<void> {
  const seen = (): string[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'QA Lens').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`).sort();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (seen().join('\n') === expected.join('\n')) return;
    await delay(100);
  }
  assert.deepEqual(seen(), expected, 'the template\'s problems in the Problems panel');
}

describe('review templates: problems follow the file without a review', function () {
  this.timeout(60_000);
  let templates: string;
  let file: string;
  let uri: vscode.Uri;

  before(async () => {
    await activeExtension();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    templates = path.join(root, '.quality', 'templates');
    file = path.join(templates, 'broken.md');
    uri = vscode.Uri.file(file);
    await mkdir(templates, { recursive: true });
  });

  after(async () => {
    await rm(file, { force: true });
  });

  it('shows a new template\'s problems, each reference at its own front-matter line', async () => {
    await writeFile(file, BROKEN);
    await problemsBecome(uri, [
      "5:5: front matter principles: 'ENG-77' is not a principle of the constitution, so the review leaves it out",
      "6:14: front matter checklists: 'nope' is not a checklist, so the review leaves it out",
      '8:17: unknown placeholder {{ reviwer }}',
    ].sort());
  });

  it('takes them away when the template is fixed', async () => {
    await writeFile(file, FIXED);
    await problemsBecome(uri, []);
  });

  it('shows an unclosed front matter, and takes everything away when the template is deleted', async () => {
    await writeFile(file, '---\nname: Open\n# {{branch}}\n');
    await problemsBecome(uri, ["1:1: the front matter is never closed with a '---' line, so it is read as part of the template's text"]);
    await rm(file);
    await problemsBecome(uri, []);
  });
});
