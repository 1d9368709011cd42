import { strict as assert } from 'node:assert';
import { mkdir, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { ASYNC_ACCESS, BLOCKING_ACCESS, type FileAccess } from '../../../src/core/scan/fileAccess';
import { walkFiles } from '../../../src/core/scan/walk';
import type { SkippedFile } from '../../../src/core/scan/types';
import { tempTree, type TempTree } from './tempTree';

// Every case runs with both ways of reading folders: the extension's and the CLI's must agree.
for (const [mode, access] of [['non-blocking', ASYNC_ACCESS], ['blocking', BLOCKING_ACCESS]] as Array<[string, FileAccess]>) {
  describe(`walkFiles (${mode} file access)`, () => {
    async function walk(root: string, options: { paths?: string[]; exclude?: string[] } = {}): Promise<{ files: string[]; skipped: SkippedFile[] }> {
      const files: string[] = [];
      const skipped: SkippedFile[] = [];
      for await (const file of walkFiles({ root, ...options, access, onSkip: (s) => skipped.push(s) })) files.push(file.relPath);
      return { files, skipped };
    }

    let tree: TempTree;
    afterEach(async () => {
      await tree.remove();
    });

    it('walks every file in a stable order and never enters .git', async () => {
      tree = await tempTree({ 'b.ts': '', 'a/z.ts': '', 'a/b/c.py': '', '.git/config': '', '.git/hooks/x.sh': '', '.github/workflows/ci.yml': '' });
      assert.deepEqual((await walk(tree.root)).files, ['.github/workflows/ci.yml', 'a/b/c.py', 'a/z.ts', 'b.ts']);
    });

    it('honours .gitignore, nested ones too, with negation and folder-only patterns', async () => {
      tree = await tempTree({
        '.gitignore': 'dist/\n*.log\n!keep.log\n/only-root.ts\n',
        'src/a.ts': '',
        'src/only-root.ts': '',
        'only-root.ts': '',
        'dist/out.js': '',
        'src/dist/out.js': '',
        'x.log': '',
        'keep.log': '',
        'pkg/.gitignore': 'generated/\n!x.log\n',
        'pkg/generated/g.ts': '',
        'pkg/x.log': '',
        'pkg/y.log': '',
        'pkg/main.ts': '',
        'dist-like.ts': '',
      });
      assert.deepEqual((await walk(tree.root)).files, ['.gitignore', 'dist-like.ts', 'keep.log', 'pkg/.gitignore', 'pkg/main.ts', 'pkg/x.log', 'src/a.ts', 'src/only-root.ts']);
    });

    it('applies the ignore files above the root up to the git work tree, and none outside one', async () => {
      tree = await tempTree({
        '.gitignore': 'outer/\n',
        'repo/.git/HEAD': '',
        'repo/.gitignore': 'node_modules/\n*.log\n/top-only.ts\n',
        'repo/packages/.ignore': 'app/generated/\n',
        'repo/packages/app/a.ts': '',
        'repo/packages/app/top-only.ts': '',
        'repo/packages/app/b.log': '',
        'repo/packages/app/node_modules/dep/x.ts': '',
        'repo/packages/app/generated/g.ts': '',
        'plain/outer/x.ts': '',
      });
      assert.deepEqual((await walk(path.join(tree.root, 'repo', 'packages', 'app'))).files, ['a.ts', 'top-only.ts']);
      // Not inside a git work tree: the temp folder's own .gitignore must not apply to plain/.
      assert.deepEqual((await walk(path.join(tree.root, 'plain'))).files, ['outer/x.ts']);
    });

    it('honours .ignore, which overrides .gitignore in the same folder', async () => {
      tree = await tempTree({ '.gitignore': '*.gen.ts\n', '.ignore': 'fixtures/\n!keep.gen.ts\n', 'a.gen.ts': '', 'keep.gen.ts': '', 'fixtures/f.ts': '', 'm.ts': '' });
      assert.deepEqual((await walk(tree.root)).files, ['.gitignore', '.ignore', 'keep.gen.ts', 'm.ts']);
    });

    it('honours exclude globs, pruning whole folders', async () => {
      tree = await tempTree({ 'vendor/lib/a.js': '', 'src/a.generated.ts': '', 'src/deep/b.generated.ts': '', 'src/a.ts': '' });
      assert.deepEqual((await walk(tree.root, { exclude: ['vendor/**', '**/*.generated.ts'] })).files, ['src/a.ts']);
    });

    it('walks only the paths given, applying ignore files above a given folder', async () => {
      tree = await tempTree({ '.gitignore': '*.tmp.ts\n', 'a/x.ts': '', 'a/y.tmp.ts': '', 'b/z.ts': '', 'c.ts': '', 'd.tmp.ts': '' });
      const result = await walk(tree.root, { paths: ['a', path.join(tree.root, 'c.ts'), 'd.tmp.ts', 'c.ts'] });
      // A file named explicitly is scanned even when ignored, and only once.
      assert.deepEqual(result.files, ['a/x.ts', 'c.ts', 'd.tmp.ts']);
    });

    it('keeps odd file names intact: spaces, unicode, a leading dash, a newline', async () => {
      tree = await tempTree({ 'with space.ts': '', 'ünïcødé/日本.ts': '', '-rf.ts': '', '--help.py': '', 'new\nline.ts': '' });
      assert.deepEqual((await walk(tree.root)).files, ['--help.py', '-rf.ts', 'new\nline.ts', 'with space.ts', 'ünïcødé/日本.ts']);
    });

    it('walks each file once under its own path: links are not followed (as ripgrep and git); only those leaving the root are counted', async () => {
      tree = await tempTree({ 'src/a.ts': '', 'src/sub/b.ts': '', 'lib/c.ts': '' });
      const outside = await tempTree({ 'secret.ts': '' });
      try {
        await symlink(path.join(tree.root, 'src', 'a.ts'), path.join(tree.root, 'link-a.ts'));
        await symlink(path.join('..', 'lib'), path.join(tree.root, 'src', 'lib-link'));
        await symlink(path.join(outside.root, 'secret.ts'), path.join(tree.root, 'out.ts'));
        await symlink(outside.root, path.join(tree.root, 'out-dir'));
        await symlink(path.join(tree.root, 'src'), path.join(tree.root, 'src', 'sub', 'loop'));
        await symlink('..', path.join(tree.root, 'src', 'sub', 'up'));
        await symlink('missing.ts', path.join(tree.root, 'broken.ts'));
        await symlink('self', path.join(tree.root, 'self'));
        await symlink('ping', path.join(tree.root, 'pong'));
        await symlink('pong', path.join(tree.root, 'ping'));
        const result = await walk(tree.root);
        assert.deepEqual(result.files, ['lib/c.ts', 'src/a.ts', 'src/sub/b.ts']);
        assert.deepEqual(result.skipped.map((s) => [s.path, s.reason]).sort(), [['out-dir', 'outside-root'], ['out.ts', 'outside-root']]);

        // With src as the root, the link to a folder beside it leaves the root; those back to src do not.
        const narrow = await walk(path.join(tree.root, 'src'));
        assert.deepEqual(narrow.files, ['a.ts', 'sub/b.ts']);
        assert.deepEqual(narrow.skipped.map((s) => [s.path, s.reason]), [['lib-link', 'outside-root']]);
      } finally {
        await outside.remove();
      }
    });

    it('follows a link named explicitly, and ignores links the ignore files or exclude match', async () => {
      tree = await tempTree({ 'src/a.ts': '', '.gitignore': 'out.ts\n' });
      const outside = await tempTree({ 'secret.ts': '' });
      try {
        await symlink(path.join(tree.root, 'src'), path.join(tree.root, 'alias'));
        await symlink(path.join(outside.root, 'secret.ts'), path.join(tree.root, 'out.ts'));
        await symlink(outside.root, path.join(tree.root, 'vendor'));
        assert.deepEqual(await walk(tree.root, { exclude: ['vendor'] }), { files: ['.gitignore', 'src/a.ts'], skipped: [] });
        assert.deepEqual((await walk(tree.root, { paths: ['alias'] })).files, ['alias/a.ts']);
      } finally {
        await outside.remove();
      }
    });

    it('reaches the root through a symlinked root path', async () => {
      tree = await tempTree({ 'real/a.ts': '' });
      await symlink(path.join(tree.root, 'real'), path.join(tree.root, 'alias'));
      assert.deepEqual((await walk(path.join(tree.root, 'alias'))).files, ['a.ts']);
    });

    it('stops when aborted', async () => {
      tree = await tempTree({ 'a.ts': '' });
      await mkdir(path.join(tree.root, 'b'));
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await assert.rejects(async () => {
        for await (const _file of walkFiles({ root: tree.root, signal: controller.signal, access, onSkip: () => undefined })) {
          // nothing: the walk must not start
        }
      }, /stop/);
    });
  });
}
