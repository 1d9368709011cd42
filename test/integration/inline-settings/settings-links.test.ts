import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, lensTitles, open, qaLens, setSetting, waitFor, waitForDiagnostics, writeAndOpen } from '../inline/helpers';

const BASE = ['3:deferred-to-sprint', '4:insecure-shortcut', '6:untracked-marker', '10:swallowed-error', '15:tracked-marker'];

describe('inline: settings take effect without a reload', function () {
  this.timeout(60_000);
  const orders = fileUri('src/orders.ts');

  before(async () => {
    await qaLens();
    await open(orders);
    await waitForDiagnostics(orders, BASE);
  });

  afterEach(async () => {
    for (const key of ['qaLens.rules', 'qaLens.codeLens.enabled', 'qaLens.ticketUrl', 'qaLens.phrases']) await setSetting(key, undefined);
  });

  it('rule severities', async () => {
    await setSetting('qaLens.rules', { 'deferred-to-sprint': 'off', 'untracked-marker': 'error' });
    // With deferred-to-sprint off, the next rule that applies speaks for the TODO note (rules.md).
    await waitForDiagnostics(orders, ['3:untracked-marker', '4:insecure-shortcut', '6:untracked-marker', '10:swallowed-error', '15:tracked-marker']);
    const errors = vscode.languages.getDiagnostics(orders).filter((d) => d.source === 'QA Lens' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.range.start.line + 1), [3, 6]);
    await waitFor(async () => ((await lensTitles(orders)).some((t) => t.startsWith('QA: FIXME with no ticket or deadline')) ? true : undefined), 'a lens for the raised FIXME');
    await setSetting('qaLens.rules', undefined);
    await waitForDiagnostics(orders, BASE);
  });

  it('extra phrases', async () => {
    await setSetting('qaLens.phrases', { 'vague-deferral': ['\\bloyalty\\b'] });
    // A ticket makes the note tracked whatever phrase it holds: the phrase shows on a tagless note.
    const uri = fileUri('src/phrases.ts');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('// the loyalty rules are approximate\nexport const x = 1;\n'));
    await open(uri);
    await waitForDiagnostics(uri, ['1:vague-deferral']);
    await setSetting('qaLens.phrases', undefined);
    await waitForDiagnostics(uri, []);
  });

  it('CodeLens on/off', async () => {
    assert.ok((await lensTitles(orders)).length > 0);
    await setSetting('qaLens.codeLens.enabled', false);
    await waitFor(async () => ((await lensTitles(orders)).length === 0 ? true : undefined), 'no lenses');
    await setSetting('qaLens.codeLens.enabled', undefined);
    await waitFor(async () => ((await lensTitles(orders)).length > 0 ? true : undefined), 'lenses back');
  });

  it('ticket links with ticketUrl', async () => {
    const links = async (): Promise<vscode.DocumentLink[]> =>
      (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', orders)) ?? [];
    assert.equal((await links()).filter((l) => l.target?.toString().includes('SHOP-231')).length, 0);
    await setSetting('qaLens.ticketUrl', 'https://acme.atlassian.net/browse/{id}');
    const link = await waitFor(async () => (await links()).find((l) => l.target?.toString() === 'https://acme.atlassian.net/browse/SHOP-231'), 'a link for SHOP-231');
    assert.deepEqual([link.range.start.line, link.range.start.character, link.range.end.character], [14, 8, 16]);

    // A large document (analysed on the worker thread): its session there finds the references.
    const filler = Array.from({ length: 4000 }, (_, i) => `export const value${i} = ${i}; // plain note ${i}`).join('\n');
    const big = (await writeAndOpen('src/big-links.ts', `${filler}\n// TODO(SHOP-999): split this file\nconst code = 'SHOP-1';\n`)).document;
    const bigLinks = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', big.uri)) ?? [];
      return found.some((l) => l.target?.toString().endsWith('SHOP-999')) ? found : undefined;
    }, 'a link for SHOP-999 in the large document');
    const ours = bigLinks.filter((l) => l.target?.toString().startsWith('https://acme.atlassian.net/'));
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.range.start.character, l.target?.toString()]), [[4000, 8, 'https://acme.atlassian.net/browse/SHOP-999']]);
    assert.ok(big.getText().length >= 100_000, 'large enough for the worker thread');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('inline: settings QA Lens cannot use', function () {
  this.timeout(60_000);
  const orders = fileUri('src/orders.ts');
  const KEYS = ['qaLens.exclude', 'qaLens.ticketPatterns', 'qaLens.phrases', 'qaLens.maxFileSize', 'qaLens.rules'];

  afterEach(async () => {
    for (const key of KEYS) await setSetting(key, undefined);
  });

  /** The problems the registry reports once projects reloaded with the current settings. */
  async function settingProblems(expected: number): Promise<string[]> {
    const api = await qaLens();
    return waitFor(async () => {
      for (const folder of vscode.workspace.workspaceFolders ?? []) await api.projects.forFolder(folder);
      const problems = api.projects.settingProblems();
      return problems.length === expected ? problems : undefined;
    }, `${expected} setting problems`);
  }

  it('values of the wrong type are left out with a message naming the setting; findings stay as the team defined them', async () => {
    await open(orders);
    await waitForDiagnostics(orders, BASE);
    // Each of these once crashed the project's loading, or was read one character at a time
    // (a ticket pattern "O" made every TODO tracked).
    await setSetting('qaLens.exclude', 'src/**');
    await setSetting('qaLens.ticketPatterns', 'SHOP-\\d+');
    await setSetting('qaLens.phrases', { 'vague-deferral': 'rounding' });
    await setSetting('qaLens.maxFileSize', 'big');
    await setSetting('qaLens.rules', { 'untracked-marker': 'fatal' });
    const problems = await settingProblems(5);
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['qaLens.exclude', 'qaLens.maxFileSize', 'qaLens.phrases.vague-deferral', 'qaLens.rules.untracked-marker', 'qaLens.ticketPatterns']);
    assert.ok(problems.every((p) => p.endsWith('QA Lens leaves that value out')), problems.join('\n'));
    await waitForDiagnostics(orders, BASE);
    const severities = vscode.languages.getDiagnostics(orders).filter((d) => d.source === 'QA Lens').map((d) => d.severity);
    assert.ok(!severities.includes(vscode.DiagnosticSeverity.Error), 'the unknown severity "fatal" is not shown as an error');
  });

  it('an invalid regular expression in a setting is reported as that setting, not on the team\'s file', async () => {
    await setSetting('qaLens.ticketPatterns', ['(SHOP', '\\bSHOP-\\d+\\b']);
    const [problem] = await settingProblems(1);
    assert.match(problem, /^qaLens\.ticketPatterns: invalid regular expression/);
    const onTeamFile = vscode.languages.getDiagnostics().filter(([uri]) => uri.path.endsWith('/.quality/config.json'));
    assert.deepEqual(onTeamFile, [], 'no diagnostic on a .quality/config.json (there is none in this workspace)');
    // The valid pattern still applies.
    await waitForDiagnostics(orders, BASE);
    await setSetting('qaLens.ticketPatterns', undefined);
    await settingProblems(0);
  });
});

describe('inline: a document too long to analyse', function () {
  this.timeout(60_000);

  afterEach(async () => {
    for (const key of ['qaLens.maxFileSize', 'qaLens.ticketUrl']) await setSetting(key, undefined);
  });

  it('says so at its top, and is not lexed for ticket links either', async () => {
    // Open files are analysed up to five times maxFileSize: 5,000 characters here.
    await setSetting('qaLens.maxFileSize', 1000);
    await setSetting('qaLens.ticketUrl', 'https://acme.atlassian.net/browse/{id}');
    const lines = Array.from({ length: 200 }, (_, i) => `// TODO(SHOP-${i + 1}): note ${i}`);
    const editor = await writeAndOpen('src/too-long.ts', `${lines.join('\n')}\n// TODO: untracked\n`);
    const doc = editor.document;
    assert.ok(doc.getText().length > 5000);
    const title = await waitFor(async () => (await lensTitles(doc.uri)).find((t) => t.includes('not analysed')), 'the not-analysed lens');
    assert.match(title, /QA Lens: not analysed, [\d,]+ characters is over the 5,000 for open files/);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'QA Lens'), []);
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
    assert.deepEqual(links.filter((l) => l.target?.toString().startsWith('https://acme.atlassian.net/')), []);
    // Back under the limit, it is analysed and linked like any other file.
    await setSetting('qaLens.maxFileSize', undefined);
    await waitForDiagnostics(doc.uri, [...Array.from({ length: 200 }, (_, i) => `${i + 1}:tracked-marker`), '201:untracked-marker']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
