import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hoverText, qaDiagnostics, qaLens, setSetting, waitFor, waitForDiagnostics, writeAndOpen } from '../inline/helpers';
import { delay } from '../shared/extension';
import { answerWithEnter } from '../shared/quickPick';

/** The quick fixes offered for the diagnostic of `rule` in `uri`. */
async function actionsFor(uri: vscode.Uri, rule: string): Promise<vscode.CodeAction[]> {
  const diagnostic = await waitFor(() => qaDiagnostics(uri).find((d) => codeOf(d) === rule), `a ${rule} diagnostic`);
  // Retried: VS Code cancels a request that overlaps the language server's own work on a new file.
  const actions = await waitFor(
    async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? undefined,
    `the code actions for ${rule}`,
  );
  // (VS Code does not hand the actions' diagnostics back through this command: match on ours by command.)
  return actions.filter((action) => action.command?.command.startsWith('qaLens.'));
}

/** Runs the quick fix titled `title` with `input` (what the command would otherwise ask for). */
async function apply(uri: vscode.Uri, rule: string, title: string, input: Record<string, string> = {}): Promise<string> {
  const action = (await actionsFor(uri, rule)).find((candidate) => candidate.title === title);
  assert.ok(action?.command, `no quick fix "${title}" for ${rule}`);
  const [args] = action.command.arguments as [Record<string, unknown>];
  const applied = await vscode.commands.executeCommand<boolean>(action.command.command, { ...args, ...input });
  assert.equal(applied, true, `${action.command.command} did not apply`);
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('inline: quick fixes', function () {
  this.timeout(60_000);
  before(async () => {
    await qaLens();
  });

  it('offers each fix that fits the finding, tied to diagnostic.code', async () => {
    const uri = (await writeAndOpen('fix/offers.ts', "// TODO: we'll fix it next sprint\n// @ts-ignore\nconst a: number = 'x';\n// eslint-disable-next-line no-console\nconsole.log(a);\ntry { run(); } catch {}\n")).document.uri;
    await waitForDiagnostics(uri, ['1:deferred-to-sprint', '2:suppressed-check', '4:suppressed-check', '6:swallowed-error']);
    assert.deepEqual((await actionsFor(uri, 'deferred-to-sprint')).map((a) => a.title), [
      'Add a ticket reference',
      'Add a deadline',
      'Ignore here (qa-lens-ignore with a reason)',
      'Open the principle',
    ]);
    assert.deepEqual((await actionsFor(uri, 'swallowed-error')).map((a) => a.title), ['Ignore here (qa-lens-ignore with a reason)', 'Open the principle']);
    const all = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(1, 0, 3, 40))) ?? undefined,
      'the code actions of lines 2-4',
    );
    const titles = all.filter((a) => a.command?.command.startsWith('qaLens.')).map((a) => a.title);
    assert.ok(titles.includes('Convert @ts-ignore to @ts-expect-error with a reason'), titles.join(' | '));
    assert.ok(titles.includes('Add a reason to this suppression'), titles.join(' | '));
    assert.ok(all.every((a) => !a.command?.command.startsWith('qaLens.') || a.kind?.value === 'quickfix'));
  });

  it('adds a ticket reference, and remembers it as recent', async () => {
    const uri = (await writeAndOpen('fix/ticket.ts', "// TODO: we'll fix it next sprint\nexport const a = 1;\n")).document.uri;
    const text = await apply(uri, 'deferred-to-sprint', 'Add a ticket reference', { ticket: 'SHOP-77' });
    assert.equal(text, "// TODO(SHOP-77): we'll fix it next sprint\nexport const a = 1;\n");
    await waitForDiagnostics(uri, ['1:tracked-marker']);
  });

  it('offers the recent tickets in its picker when asked without one (the real quick pick, accepted as a user would)', async () => {
    const uri = (await writeAndOpen('fix/recent.ts', '// FIXME: validate the quantity\n// HACK: round the total\n')).document.uri;
    await waitForDiagnostics(uri, ['1:untracked-marker', '2:untracked-marker']);
    // The first fix names a ticket: it becomes the most recent one.
    await apply(uri, 'untracked-marker', 'Add a ticket reference', { ticket: 'SHOP-88' });
    await waitForDiagnostics(uri, ['1:tracked-marker', '2:untracked-marker']);
    const [action] = (await actionsFor(uri, 'untracked-marker')).filter((a) => a.command?.command === 'qaLens.addTicket');
    // No ticket argument: the command shows its quick pick, recent tickets first; Enter takes the top one.
    const running = answerWithEnter(() => vscode.commands.executeCommand<boolean>('qaLens.addTicket', action.command!.arguments![0]), (applied) => !applied);
    assert.equal(await running, true);
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), '// FIXME(SHOP-88): validate the quantity\n// HACK(SHOP-88): round the total\n');
  });

  it('refuses a ticket QA Lens would not recognise', async () => {
    const uri = (await writeAndOpen('fix/badticket.ts', '// FIXME: validate\n')).document.uri;
    const [action] = (await actionsFor(uri, 'untracked-marker')).filter((a) => a.command?.command === 'qaLens.addTicket');
    const applied = await vscode.commands.executeCommand<boolean>('qaLens.addTicket', { ...(action.command!.arguments![0] as object), ticket: 'alice' });
    assert.equal(applied, false);
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), '// FIXME: validate\n');
  });

  it('a quick fix for a file deleted since it was offered ends with a message, not an error', async () => {
    // Arguments as a quick fix or hover carries them, for a file that is gone (and not open, so
    // VS Code has no copy of it in memory either).
    const root = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(root, 'fix', 'gone.ts');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('// FIXME: validate\n'));
    await vscode.workspace.fs.delete(uri);
    const applied = await vscode.commands.executeCommand<boolean>('qaLens.addTicket', { uri: uri.toString(), line: 1, column: 4, ruleId: 'untracked-marker', ticket: 'SHOP-1' });
    assert.equal(applied, false, 'refused with a message (it used to throw "cannot open")');
  });

  it('a hover fix in a file made read-only by files.readonlyInclude is refused and changes nothing', async () => {
    const text = "// TODO: we'll fix it next sprint\ntry { run(); } catch {}\n";
    const editor = await writeAndOpen('locked/readonly.ts', text);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, ['1:deferred-to-sprint', '2:swallowed-error']);
    // The links as the hover shows them (a click runs the command with the link's arguments).
    const links = async (line: number, character: number): Promise<Map<string, Record<string, unknown>>> => {
      const found = new Map<string, Record<string, unknown>>();
      for (const [, command, args] of (await hoverText(uri, new vscode.Position(line, character))).matchAll(/\(command:(qaLens\.\w+)\?([^)]+)\)/g)) {
        found.set(command, (JSON.parse(decodeURIComponent(args)) as [Record<string, unknown>])[0]);
      }
      return found;
    };
    const deferral = await waitFor(async () => ((await links(0, 5)).has('qaLens.addTicket') ? links(0, 5) : undefined), 'the hover links of the deferral');
    const swallowed = await waitFor(async () => ((await links(1, 16)).has('qaLens.ignoreFinding') ? links(1, 16) : undefined), 'the hover links of the empty catch');
    await setSetting('files.readonlyInclude', { 'locked/**': true });
    try {
      const runs: Array<[string, Record<string, unknown>]> = [
        ['qaLens.addTicket', { ...deferral.get('qaLens.addTicket'), ticket: 'SHOP-9' }],
        ['qaLens.addDeadline', { ...deferral.get('qaLens.addDeadline'), date: '2099-01-31' }],
        ['qaLens.ignoreFinding', { ...swallowed.get('qaLens.ignoreFinding'), reason: 'best-effort cleanup' }],
      ];
      for (const [command, args] of runs) {
        assert.equal(await vscode.commands.executeCommand<boolean>(command, args), false, `${command} wrote into a read-only file`);
      }
      assert.equal(editor.document.getText(), text);
      assert.equal(editor.document.isDirty, false);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), text);
    } finally {
      await setSetting('files.readonlyInclude', undefined);
    }
    // Writable again: the same link applies.
    assert.equal(await vscode.commands.executeCommand<boolean>('qaLens.addTicket', { ...deferral.get('qaLens.addTicket'), ticket: 'SHOP-9' }), true);
    assert.equal(editor.document.lineAt(0).text, "// TODO(SHOP-9): we'll fix it next sprint");
  });

  it('adds a deadline as TODO(YYYY-MM-DD)', async () => {
    const uri = (await writeAndOpen('fix/deadline.py', '# TODO: handle retries\nretry = 0\n')).document.uri;
    const text = await apply(uri, 'untracked-marker', 'Add a deadline', { date: '2099-03-31' });
    assert.equal(text, '# TODO(2099-03-31): handle retries\nretry = 0\n');
    await waitForDiagnostics(uri, ['1:tracked-marker']);
  });

  it('re-plans an expired deadline', async () => {
    const uri = (await writeAndOpen('fix/expired.ts', '// TODO(alice, 2020-06-30): drop the flag\n')).document.uri;
    const text = await apply(uri, 'expired-deadline', 'Add a deadline', { date: '2099-01-31' });
    assert.equal(text, '// TODO(alice, 2099-01-31): drop the flag\n');
  });

  it('adds a reason to a suppression in the syntax of its tool', async () => {
    const ts = (await writeAndOpen('fix/reason.ts', '// eslint-disable-next-line no-console\nconsole.log(1);\n')).document.uri;
    assert.equal(await apply(ts, 'suppressed-check', 'Add a reason to this suppression', { reason: 'CLI output' }), '// eslint-disable-next-line no-console -- CLI output\nconsole.log(1);\n');
    await waitForDiagnostics(ts, []);
    const py = (await writeAndOpen('fix/reason.py', 'x = y.z  # type: ignore[attr-defined]\n')).document.uri;
    assert.equal(await apply(py, 'suppressed-check', 'Add a reason to this suppression', { reason: 'stubs lag behind' }), 'x = y.z  # type: ignore[attr-defined]  # stubs lag behind\n');
    await waitForDiagnostics(py, []);
  });

  it('converts @ts-ignore to @ts-expect-error with a reason', async () => {
    const uri = (await writeAndOpen('fix/tsignore.ts', "  // @ts-ignore\n  const a: number = 'x';\n")).document.uri;
    const text = await apply(uri, 'suppressed-check', 'Convert @ts-ignore to @ts-expect-error with a reason', { reason: 'fixture mismatch' });
    assert.equal(text, "  // @ts-expect-error fixture mismatch\n  const a: number = 'x';\n");
    await waitForDiagnostics(uri, []);
  });

  it('ignores a finding with qa-lens-ignore and a reason, in the language comment syntax', async () => {
    const uri = (await writeAndOpen('fix/ignore.py', 'try:\n    run()\nexcept Exception:\n    pass\n')).document.uri;
    const text = await apply(uri, 'swallowed-error', 'Ignore here (qa-lens-ignore with a reason)', { reason: 'best-effort cleanup' });
    assert.equal(text, 'try:\n    run()\n# qa-lens-ignore swallowed-error -- best-effort cleanup\nexcept Exception:\n    pass\n');
    await waitForDiagnostics(uri, []);
  });

  it('says where an inline ignore names no rule, and corrects a misspelt id with its quick fix', async () => {
    const editor = await writeAndOpen('fix/misspelt.test.ts', "// qa-lens-ignore skiped-test -- flaky on CI, PROJ-12\nit.skip('a', () => {});\n");
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, ['1:qa-lens-ignore', '2:skipped-test']);
    const problem = qaDiagnostics(uri).find((d) => codeOf(d) === 'qa-lens-ignore')!;
    assert.equal(problem.message, "qa-lens-ignore names no rule 'skiped-test', so it silences nothing: did you mean 'skipped-test'?");
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([problem.range.start.character, problem.range.end.character], [18, 29]);
    const actions = await waitFor(
      async () => {
        const offered = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, problem.range);
        const fixes = (offered ?? []).filter((a) => a.title === "Change to 'skipped-test'");
        return fixes.length > 0 ? fixes : undefined;
      },
      'the fix of the misspelt id',
    );
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(editor.document.getText(), "// qa-lens-ignore skipped-test -- flaky on CI, PROJ-12\nit.skip('a', () => {});\n");
    // The corrected ignore silences the skip, and is no problem any more (the unsaved text counts).
    await waitForDiagnostics(uri, []);
    // Typed again: the problem comes back after an edit, without a save.
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 18, 0, 30), 'skipd-test'));
    await waitForDiagnostics(uri, ['1:qa-lens-ignore', '2:skipped-test']);
  });

  it('writes no ignore inside a YAML block value (an action input), a // one in the JavaScript of actions/github-script, a # one in a run script', async () => {
    const workflow = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: some/node-runner@v1',
      '        with:',
      '          script: |',
      '            const agent = new https.Agent({ rejectUnauthorized: false });',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            const agent = new https.Agent({ rejectUnauthorized: false });',
      '      - run: |',
      '          curl -k https://mirror.local/x',
      '',
    ].join('\n');
    const uri = (await writeAndOpen('.github/workflows/fix.yml', workflow)).document.uri;
    await waitForDiagnostics(uri, ['7:insecure-shortcut', '11:insecure-shortcut', '13:insecure-shortcut']);
    const ignoreAt = async (line: number): Promise<boolean> => {
      const diagnostic = qaDiagnostics(uri).find((d) => d.range.start.line + 1 === line);
      assert.ok(diagnostic, `a finding on line ${line}`);
      const args = { uri: uri.toString(), line, column: diagnostic.range.start.character + 1, ruleId: 'insecure-shortcut', reason: 'internal mirror' };
      return vscode.commands.executeCommand<boolean>('qaLens.ignoreFinding', args);
    };
    assert.equal(await ignoreAt(7), false, 'refused: a comment line would be text of the input');
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), workflow);
    assert.equal(await ignoreAt(13), true);
    assert.match((await vscode.workspace.openTextDocument(uri)).getText(), /- run: \|\n {10}# qa-lens-ignore insecure-shortcut -- internal mirror\n {10}curl -k/);
    await waitForDiagnostics(uri, ['7:insecure-shortcut', '11:insecure-shortcut']);
    assert.equal(await ignoreAt(11), true);
    assert.match((await vscode.workspace.openTextDocument(uri)).getText(), /script: \|\n {12}\/\/ qa-lens-ignore insecure-shortcut -- internal mirror\n {12}const agent/);
    await waitForDiagnostics(uri, ['7:insecure-shortcut']);
  });

  it('writes no ignore inside a template literal, and one at the end of the line where the template closes', async () => {
    // A comment line above a line that starts inside the template was text of the template.
    const source = 'const page = `\n<p>${get(url, { rejectUnauthorized: false })}</p>\n`; const agent = new https.Agent({ rejectUnauthorized: false });\n';
    const uri = (await writeAndOpen('fix/template.ts', source)).document.uri;
    await waitForDiagnostics(uri, ['2:insecure-shortcut', '3:insecure-shortcut']);
    const ignoreOn = (line: number): Thenable<boolean> =>
      vscode.commands.executeCommand<boolean>('qaLens.ignoreFinding', { uri: uri.toString(), line, column: 1, ruleId: 'insecure-shortcut', reason: 'internal mirror' });
    assert.equal(await ignoreOn(2), false, 'refused: the line starts and ends inside the template');
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), source);
    assert.equal(await ignoreOn(3), true);
    assert.equal(
      (await vscode.workspace.openTextDocument(uri)).getText(),
      'const page = `\n<p>${get(url, { rejectUnauthorized: false })}</p>\n`; const agent = new https.Agent({ rejectUnauthorized: false });  // qa-lens-ignore insecure-shortcut -- internal mirror\n',
    );
    await waitForDiagnostics(uri, ['2:insecure-shortcut']);
  });

  it('ignores a finding inside a comment of several lines as a line of that comment (HTML comments do not nest)', async () => {
    const uri = (await writeAndOpen('fix/ignore.html', '<div>\n<!--\n  TODO: for now\n-->\n</div>\n')).document.uri;
    const text = await apply(uri, 'vague-deferral', 'Ignore here (qa-lens-ignore with a reason)', { reason: 'kept for the redesign' });
    assert.equal(text, '<div>\n<!--\n  qa-lens-ignore vague-deferral -- kept for the redesign\n  TODO: for now\n-->\n</div>\n');
    await waitForDiagnostics(uri, []);
  });

  it('applies to the finding where it is now when the file changed while its prompt was open', async () => {
    // The prompts stay open when focus leaves them (ignoreFocusOut): the user can go back and edit
    // the file, or a formatter can, before answering. The edit then belongs to the finding, not to
    // the line it was on when the prompt opened (it used to go there: "by <date>" on another comment).
    for (let attempt = 1; attempt <= 3; attempt++) {
      const editor = await writeAndOpen(`fix/moved-${attempt}.ts`, '// FIXME: validate the quantity\nexport const a = 1;\n');
      const uri = editor.document.uri;
      const [action] = (await actionsFor(uri, 'untracked-marker')).filter((a) => a.command?.command === 'qaLens.addDeadline');
      // No date: the command asks, with two sprints from today already filled in.
      const running = Promise.resolve(vscode.commands.executeCommand<boolean>('qaLens.addDeadline', action.command!.arguments![0]));
      let settled = false;
      void running.finally(() => (settled = true));
      await delay(400 * attempt);
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// Quantities come from the cart.\n')));
      while (!settled) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await delay(200);
      }
      // An Enter that came before the prompt was shown cancels it: try again on a fresh file.
      if (!(await running)) continue;
      assert.match(editor.document.getText(), /^\/\/ Quantities come from the cart\.\n\/\/ FIXME\(\d{4}-\d{2}-\d{2}\): validate the quantity\nexport const a = 1;\n$/);
      return;
    }
    assert.fail('the date prompt was cancelled three times');
  });

  it('opens the principle from the quick fix', async () => {
    const uri = (await writeAndOpen('fix/principle.ts', 'try { run(); } catch {}\n')).document.uri;
    const action = (await actionsFor(uri, 'swallowed-error')).find((a) => a.title === 'Open the principle');
    const opened = await vscode.commands.executeCommand<vscode.Uri>(action!.command!.command, ...(action!.command!.arguments as unknown[]));
    assert.equal(opened.scheme, 'qa-lens-bundled');
    assert.match(vscode.window.activeTextEditor!.document.lineAt(vscode.window.activeTextEditor!.selection.active.line).text, /^## ENG-05/);
  });
});
