import * as assert from 'node:assert/strict';
import { code, contents } from './helpers';

describe('lexer: YAML and other configuration', () => {
  it('YAML: # starts a comment only at the start of a line or after whitespace', () => {
    const text = 'url: http://x#TODO\n# one\nkey: value # two\nlist: [a#b, c] #three';
    assert.deepEqual(contents('yaml', text), [' one', ' two', 'three']);
  });

  it('YAML: quotes open a string only where a value starts', () => {
    const text = "title: Don't # one\nk: 'it''s # no' # two\nq: \"a \\\" # no\" # three\n- '# no' # four";
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three', ' four']);
  });

  it('YAML: block scalars are values; their # lines are not comments; values are code', () => {
    const text = ['jobs:', '  b:', '    body: |', '      # Heading', '      curl -k x', '', '    # real comment', '    k: >-', '      # folded', 'z: 1 # end'].join('\n');
    assert.deepEqual(contents('yaml', text), [' real comment', ' end']);
    assert.ok(code('yaml', text).includes('curl -k x'));
  });

  it('YAML: a literal block under a script key is a shell script, whose # comments are comments', () => {
    const text = [
      'jobs:',
      '  b:',
      '    steps:',
      '      - run: |',
      '          # TODO: drop once the mirror has a real cert',
      "          curl -k x # pinned  ",
      "          echo '# no' \"# no\" \\# no a#no ${#n}",
      '      - name: x',
      "        run: >",
      '          # folded: not kept line by line',
      'test:',
      '  script:',
      '    - echo a',
      '    - |',
      '      make # two',
      '  "after_script": |',
      '      # three',
      'description: |',
      '  # Heading',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' TODO: drop once the mirror has a real cert', ' pinned  ', ' two', ' three']);
    assert.ok(code('yaml', text).includes('curl -k x'), 'the script stays code for the code rules');
  });

  it('TOML: strings of four kinds, values are code', () => {
    const text = "a = \"# no\" # one\nb = 'C:\\# no' # two\nc = \"\"\"\n# no\n\"\"\"\nd = '''\n# no\n''' # three";
    assert.deepEqual(contents('toml', text), [' one', ' two', ' three']);
    assert.ok(code('toml', text).includes('"# no"'));
  });

  it('INI and properties: comments at the start of a line only', () => {
    assert.deepEqual(contents('ini', '; one\n  # two\nurl = http://x#y ; no'), [' one', ' two']);
    assert.deepEqual(contents('properties', '# one\n! two\nurl=http://x#no'), [' one', ' two']);
  });

  it('Terraform: interpolation, heredocs, three comment styles', () => {
    const text = 'a = "${b /* hole */} # no" # one\nc = <<-EOT\n  # no\n  EOT\n// two\n/* three */';
    assert.deepEqual(contents('terraform', text), [' hole ', ' one', ' two', ' three ']);
  });

  it('JSON has no comments; JSONC has both kinds', () => {
    assert.deepEqual(contents('json', '{"a": "// no"}'), []);
    assert.deepEqual(contents('jsonc', '{"a": "// no", // one\n/* two */ "b": 1}'), [' one', ' two ']);
  });
});
