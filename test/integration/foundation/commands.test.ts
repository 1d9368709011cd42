import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, manifest } from '../shared/extension';

// Commands the manifest declares and handlers the extension registers must match both ways: a
// declared command without a handler fails when clicked, and a handler without a declaration has
// no title or palette entry. (An internal command is still declared, and hidden with a
// `commandPalette` menu entry `"when": "false"`.)
describe('foundation: commands', () => {
  let declared: string[];
  let registered: string[];

  before(async () => {
    const extension = await activeExtension();
    declared = (manifest(extension).contributes?.commands ?? []).map((entry) => entry.command).sort();
    registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('qaLens.')).sort();
  });

  it('declares at least one command', () => {
    assert.ok(declared.length > 0);
  });

  it('registers every command package.json declares', () => {
    assert.deepEqual(declared.filter((id) => !registered.includes(id)), []);
  });

  it('declares in package.json every qaLens.* command it registers', () => {
    assert.deepEqual(registered.filter((id) => !declared.includes(id)), []);
  });
});
