import * as assert from 'node:assert/strict';
import { symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { QaLensApi } from '../../../src/extension/extension';
import { delay } from '../shared/extension';
import { folder, qaLens, waitFor } from '../inline/helpers';

/** The paths of the workspace scan's findings, sorted. */
function findingPaths(api: QaLensApi): string[] {
  return api.sidebar.scan.all().map(({ finding }) => finding.path).sort();
}

/** Idle, and still idle a while later: a rescan the file watcher queued late has then run too. */
async function settled(api: QaLensApi): Promise<void> {
  await api.sidebar.scan.whenIdle();
  await delay(1_500);
  await api.sidebar.scan.whenIdle();
}

describe('workspace scan: symbolic links', function () {
  this.timeout(90_000);

  it('a new link seen by the file watcher, and a full scan, report a symlinked file and a file under a symlinked folder once, under their own paths', async () => {
    const api = await qaLens();
    await waitFor(() => (api.sidebar.scan.state === 'done' ? true : undefined), 'the first scan', 30_000);
    assert.deepEqual(findingPaths(api), ['lib/b.ts', 'src/a.ts']);

    const root = folder().uri.fsPath;
    await symlink(path.join('src', 'a.ts'), path.join(root, 'link-a.ts'));
    await symlink(path.join('..', 'lib'), path.join(root, 'src', 'lib-link'));
    await symlink('..', path.join(root, 'src', 'up'));
    await settled(api);
    // The file watcher saw the new links: its rescan does not follow them either.
    assert.deepEqual(findingPaths(api), ['lib/b.ts', 'src/a.ts'], 'after the rescan of the watched changes');

    // A changed .gitignore makes the whole folder be walked again (the walk the first scan used).
    const before = api.sidebar.scan.reports.length;
    await writeFile(path.join(root, '.gitignore'), 'nothing-ignored-here\n');
    await waitFor(() => (api.sidebar.scan.reports.length > before ? true : undefined), 'the full rescan', 30_000);
    await settled(api);
    assert.deepEqual(findingPaths(api), ['lib/b.ts', 'src/a.ts']);
  });
});
