import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_TEMPLATE_IDS, loadTemplateCatalog, renderTemplate } from '../../../src/core/review/index';
import { makeTempDir, removeTempDir } from '../git/fixtureRepo';
import { DOCUMENTED } from './documented';

describe('review template catalog', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTempDir('qa-lens-templates-');
  });
  afterEach(async () => {
    await removeTempDir(root);
  });

  it('ships the four bundled templates, each parsing cleanly and using only documented variables', async () => {
    const catalog = await loadTemplateCatalog({ root });
    assert.deepEqual(catalog.problems, []);
    assert.deepEqual(catalog.templates.map((t) => t.id), [...BUNDLED_TEMPLATE_IDS]);
    const variables = Object.fromEntries(DOCUMENTED.map((name) => [name, `<${name}>`]));
    for (const template of catalog.templates) {
      assert.equal(template.source, 'bundled');
      assert.ok(template.name.length > 0 && template.description.length > 0, template.id);
      const rendered = renderTemplate(template.body, variables);
      assert.deepEqual(rendered.unknownPlaceholders, [], template.id);
      assert.deepEqual(rendered.problems, [], template.id);
      for (const name of ['branch', 'filesByArea', 'newFindings', 'principles', 'checklists']) assert.ok(rendered.text.includes(`<${name}>`), `${template.id} shows ${name}`);
    }
  });

  it('lets a repository template replace the bundled one with the same id, and adds its own', async () => {
    await mkdir(join(root, '.quality', 'templates'), { recursive: true });
    await writeFile(join(root, '.quality', 'templates', 'architecture.md'), '---\nname: Our architecture review\ndescription: ours\nprinciples: [ENG-02]\n---\n# Ours {{branch}}\n');
    await writeFile(join(root, '.quality', 'templates', 'api-change.md'), '# API change {{branch}}\n');
    const catalog = await loadTemplateCatalog({ root });
    const architecture = catalog.templates.find((t) => t.id === 'architecture');
    assert.equal(architecture?.source, 'repository');
    assert.equal(architecture?.name, 'Our architecture review');
    assert.deepEqual(architecture?.principles, ['ENG-02']);
    assert.equal(architecture?.body, '# Ours {{branch}}\n');
    assert.equal(architecture?.bodyLine, 6);
    assert.deepEqual(catalog.templates.map((t) => t.id), ['architecture', 'consistency', 'security-reliability', 'release-readiness', 'api-change']);
  });

  it('offers GitHub pull-request templates, matched case-insensitively', async () => {
    await mkdir(join(root, '.github', 'PULL_REQUEST_TEMPLATE'), { recursive: true });
    await writeFile(join(root, '.github', 'Pull_Request_Template.md'), '## What\n');
    await writeFile(join(root, '.github', 'PULL_REQUEST_TEMPLATE', 'Bug Fix.md'), '## Bug\n');
    await mkdir(join(root, 'docs'), { recursive: true });
    await writeFile(join(root, 'docs', 'pull_request_template.md'), '## ignored: .github wins\n');
    const catalog = await loadTemplateCatalog({ root });
    const github = catalog.templates.filter((t) => t.source === 'github');
    assert.deepEqual(github.map((t) => [t.id, t.body]), [['github-pr', '## What\n'], ['github-pr-bug-fix', '## Bug\n']]);
    assert.match(github[1]?.name ?? '', /Bug Fix/);
  });

  it('finds root and docs/ PR templates too', async () => {
    await mkdir(join(root, 'docs', 'pull_request_template'), { recursive: true });
    await writeFile(join(root, 'PULL_REQUEST_TEMPLATE.md'), 'root\n');
    await writeFile(join(root, 'docs', 'pull_request_template', 'release.md'), 'rel\n');
    const ids = (await loadTemplateCatalog({ root })).templates.filter((t) => t.source === 'github').map((t) => t.id);
    assert.deepEqual(ids, ['github-pr', 'github-pr-release']);
  });

  it('reports broken front matter at its line and still offers the template', async () => {
    await mkdir(join(root, '.quality', 'templates'), { recursive: true });
    await writeFile(join(root, '.quality', 'templates', 'broken.md'), '---\nname: ok\nprinciples: ENG-02\ncolour: red\n---\nBody {{branch}}\n');
    const catalog = await loadTemplateCatalog({ root });
    assert.deepEqual(catalog.problems.map((p) => `${p.path}:${p.line}:${p.column}: ${p.message}`), [
      '.quality/templates/broken.md:3:1: principles must be a list of ids, e.g. [ENG-02]',
      ".quality/templates/broken.md:4:1: unknown front matter key 'colour' (known: name, description, principles, checklists)",
    ]);
    assert.equal(catalog.templates.find((t) => t.id === 'broken')?.body, 'Body {{branch}}\n');
  });
});
