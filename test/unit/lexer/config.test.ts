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
      '          # folded: a shell comment too',
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
    assert.deepEqual(contents('yaml', text), [' TODO: drop once the mirror has a real cert', ' pinned  ', ' folded: a shell comment too', ' two', ' three']);
    assert.ok(code('yaml', text).includes('curl -k x'), 'the script stays code for the code rules');
  });

  it('YAML scripts: a # in a heredoc body, a string over several lines or a logging command is no comment', () => {
    const text = [
      'jobs:',
      '  pr:',
      '    steps:',
      '      - run: |',
      "          gh pr create --body \"$(cat <<'EOF'",
      '          ## TODO before merging',
      '          EOF',
      '          )" # one',
      '          git commit -m "release',
      '          # not a comment: the message goes on',
      '          " # two',
      '          make;# three',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: |',
      '            // JavaScript here',
      '            const body = `## Heading`;',
      '      - pwsh: |',
      '          $notes = @"',
      '          # text of the here-string',
      '          "@',
      '          Write-Host $notes # four',
      '      - script: |',
      '          echo ##vso[task.logissue type=warning]Integration tests disabled temporarily',
      '          echo ##[group]Build # five',
    ].join('\n');
    // The github-script block is JavaScript: `//` starts a comment, `#` in its template literal does not.
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three', ' JavaScript here', ' four', ' five']);
  });

  it('YAML scripts: the block ends at the next key of its step; command is shell under CircleCI run only; whole keys only', () => {
    const azure = ['steps:', '- bash: |', '    echo build # one', '  displayName: Build', '  env:', '    RELEASE_NOTES: |', '      # TODO for the release manager'].join('\n');
    assert.deepEqual(contents('yaml', azure), [' one']);
    const circle = ['jobs:', '  build:', '    steps:', '      - run:', '          name: Test', '          command: |', '            # TODO: shard the tests', '            npm test'].join('\n');
    assert.deepEqual(contents('yaml', circle), [' TODO: shard the tests']);
    const compose = ['services:', '  db:', '    image: mysql', '    command: |', '      --innodb-buffer-pool-size=64M # smaller pool for now'].join('\n');
    assert.deepEqual(contents('yaml', compose), []);
    const cmd = ['steps:', '  - shell: cmd', '    run: |', '      echo Build #42 for now', '  - run: |', '      echo # one', '    shell: bash', '  - run: |', '      echo #42', '    shell: cmd /D /E:ON {0}'].join('\n');
    assert.deepEqual(contents('yaml', cmd), [' one']);
    const configMap = ['data:', '  setup.cmd: |', '    echo # not shell', '  run.sh: |', '    # a file, not a run key'].join('\n');
    assert.deepEqual(contents('yaml', configMap), []);
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
