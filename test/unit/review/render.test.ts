import { strict as assert } from 'node:assert';
import { renderTemplate } from '../../../src/core/review/render';

describe('review renderer', () => {
  it('never HTML-escapes values', () => {
    const result = renderTemplate('Branch: {{branch}}', { branch: 'a<b>&"c\'' });
    assert.equal(result.text, 'Branch: a<b>&"c\'');
    assert.deepEqual(result.unknownPlaceholders, []);
  });

  it('leaves unknown placeholders exactly as written and reports each with line and column', () => {
    const template = 'Line one {{branch}}\n  {{ brnach }} and {{headSha}}\n{{#nope}}kept{{/nope}}';
    const result = renderTemplate(template, { branch: 'main', headSha: 'abc' }, { lineOffset: 5 });
    assert.equal(result.text, 'Line one main\n  {{ brnach }} and abc\n{{#nope}}kept{{/nope}}');
    assert.deepEqual(result.unknownPlaceholders, [
      { name: 'brnach', text: '{{ brnach }}', line: 6, column: 3 },
      { name: 'nope', text: '{{#nope}}', line: 7, column: 1 },
    ]);
  });

  it('reports malformed placeholders instead of dropping them', () => {
    const result = renderTemplate('a {{not a name}} b', {});
    assert.equal(result.text, 'a {{not a name}} b');
    assert.equal(result.unknownPlaceholders[0]?.text, '{{not a name}}');
  });

  it('keeps a section only when its variable is present, and inverted sections the other way', () => {
    const template = '{{#adrs}}ADRs:\n{{adrs}}{{/adrs}}{{^adrs}}No ADR.{{/adrs}}';
    assert.equal(renderTemplate(template, { adrs: '- one' }).text, 'ADRs:\n- one');
    assert.equal(renderTemplate(template, { adrs: { text: '_(none)_', present: false } }).text, 'No ADR.');
    assert.equal(renderTemplate(template, { adrs: '' }).text, 'No ADR.');
  });

  it('reports unclosed and stray section tags and leaves them visible', () => {
    const result = renderTemplate('{{#a}}x\n{{/b}}', { a: 'y', b: 'z' });
    assert.equal(result.text, '{{#a}}x\n{{/b}}');
    assert.equal(result.problems.length, 2);
    assert.match(result.problems.map((p) => p.message).join('\n'), /never closed/);
    assert.match(result.problems.map((p) => p.message).join('\n'), /closes a section that is not open/);
  });

  it('a value that is not available loses the backticks of the code span it fills, and only then', () => {
    const absent = { text: '_(not available: shallow clone, no merge base)_', present: false };
    const template = 'merge base `{{m}}`, ``{{m}}``; `{{m}}``; `at {{m}}`; `{{b}}`';
    assert.equal(
      renderTemplate(template, { m: absent, b: 'main' }).text,
      'merge base _(not available: shallow clone, no merge base)_, _(not available: shallow clone, no merge base)_; ' +
        '`_(not available: shallow clone, no merge base)_``; `at _(not available: shallow clone, no merge base)_`; `main`',
    );
    assert.equal(renderTemplate('`{{m}}`', { m: 'abc1234' }).text, '`abc1234`');
  });

  it('indents every line of a multi-line value placed on an indented line', () => {
    const result = renderTemplate('- Files:\n  {{files}}\nafter {{files}}', { files: 'a\nb' });
    assert.equal(result.text, '- Files:\n  a\n  b\nafter a\nb');
  });

  it('does not treat $ patterns or regex syntax in values specially', () => {
    assert.equal(renderTemplate('{{x}}', { x: "$& $1 $$ $' \\n" }).text, "$& $1 $$ $' \\n");
  });
});

describe('review renderer: lines of their own', () => {
  it('removes the line of an empty placeholder that stands alone, and one blank line around it', () => {
    const template = '# Title\n\n{{notes}}\n\n| table |\n';
    assert.equal(renderTemplate(template, { notes: '' }).text, '# Title\n\n| table |\n');
    assert.equal(renderTemplate(template, { notes: { text: '', present: false } }).text, '# Title\n\n| table |\n');
    assert.equal(renderTemplate(template, { notes: '> **Note:** x' }).text, '# Title\n\n> **Note:** x\n\n| table |\n');
    assert.equal(renderTemplate('{{notes}}\n\nBody', { notes: '' }).text, 'Body');
    assert.equal(renderTemplate('a\n  {{notes}}\nb', { notes: '' }).text, 'a\nb');
  });

  it('keeps an empty placeholder that shares its line with text', () => {
    assert.equal(renderTemplate('Notes: {{notes}}\nnext', { notes: '' }).text, 'Notes: \nnext');
  });

  it('removes the lines of section tags that stand alone', () => {
    const template = 'Before\n\n{{#adrs}}\nRead these first:\n{{adrs}}\n\n{{/adrs}}\n{{^adrs}}\nNo ADR.\n\n{{/adrs}}\nAfter\n';
    assert.equal(renderTemplate(template, { adrs: '- one' }).text, 'Before\n\nRead these first:\n- one\n\nAfter\n');
    assert.equal(renderTemplate(template, { adrs: { text: '', present: false } }).text, 'Before\n\nNo ADR.\n\nAfter\n');
  });
});

describe('review renderer: braces that are not placeholders', () => {
  it('reports a {{ never closed and the triple-brace form, with their lines, and leaves the text as written', () => {
    const result = renderTemplate('# Review\nA {{branch} B\nC {{{branch}}} D\n', { branch: 'feature/x' }, { lineOffset: 5 });
    assert.deepEqual(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      "6:3 '{{' does not start a placeholder here (no '}}' closes a name after it): it is left as written",
      "7:3 '{{{branch}}}': reviews are Markdown and never escaped, so there is no triple-brace form; write '{{branch}}'",
    ]);
    assert.match(result.text, /^A \{\{branch\} B$/m);
  });

  it('says nothing of well-formed templates', () => {
    assert.deepEqual(renderTemplate('{{#branch}}on {{branch}}{{/branch}} {{^base}}no base{{/base}}\n', { branch: 'x', base: '' }).problems, []);
  });
});
