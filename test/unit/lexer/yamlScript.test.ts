import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { languageById } from '../../../src/core/languages';
import { yamlBlockAt } from '../../../src/core/lexer/yamlScript';
import { LineIndex } from '../../../src/core/rules/lineIndex';
import { code, contents, lexAs, tokens } from './helpers';

/** The block kind yamlBlockAt gives the line holding `marker`. */
function blockOf(text: string, marker: string): ReturnType<typeof yamlBlockAt> {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  return yamlBlockAt(text, text.lastIndexOf('\n', at) + 1);
}

describe('lexer: YAML script blocks', () => {
  it('an anchored or tagged block scalar is a block like any other: a script under a script key, a value elsewhere', () => {
    const text = [
      '.build: &build',
      '  script: &build_script |',
      '    # one',
      '    make # two',
      '  description: &desc |',
      '    # Heading: text of the value',
      '  notes: !!str |',
      '    # text',
      '  other: &a !!str |',
      '    # text',
      '  tagged: !!str &b >-',
      '    # folded text',
      'job:',
      '  script: *build_script',
      '  run: !!str |',
      '    echo x # three',
      '  steps:',
      '    - &step |',
      '      # an item of steps: text',
      'test:',
      '  script:',
      '    - &s1 |',
      '      echo # four',
      '  after_script: ! |',
      '    # five',
      'end: 1 # six',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three', ' four', ' five', ' six']);
    assert.equal(blockOf(text, 'Heading'), 'value', 'an ignore comment would be text of the value');
    assert.equal(blockOf(text, 'make # two'), 'script');
    assert.equal(blockOf(text, 'folded text'), 'value');
  });

  it('a heredoc body in an anchored script is no comment (it was lexed as YAML)', () => {
    const text = ['.base:', '  script: &build |', '    cat > notes.md <<EOF', '    # TODO heading in a heredoc', '    EOF', 'other:', '  script: *build'].join('\n');
    assert.deepEqual(contents('yaml', text), []);
  });

  it('anchors and tags are read only where they are node properties', () => {
    // `a&b |`, `key:&x |` and `x &y |` are plain text; `&` alone names no anchor.
    const text = ['script: a &x |', '  # one', 'run: & |', '  # two', 'run:&x |', '  # three'].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three']);
  });

  it('cloud-init runcmd/bootcmd, Ansible win_shell, collection names and shell cmd: are scripts', () => {
    const text = [
      '#cloud-config',
      'runcmd:',
      '  - echo hi # one',
      '  - |',
      '    # two',
      'bootcmd:',
      '  - |',
      '    echo x # three',
      'tasks:',
      '  - win_shell: |',
      '      Write-Host "C:\\temp\\" # four',
      '  - ansible.windows.win_shell: |',
      '      # five',
      '  - ansible.builtin.shell: |',
      '      echo # six',
      '  - shell:',
      '      cmd: |',
      '        echo # seven',
      '  - command:',
      '      cmd: |',
      '        echo # no shell runs this',
      '  - raw: |',
      '      show run # a device CLI, maybe',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), ['cloud-config', ' one', ' two', ' three', ' four', ' five', ' six', ' seven']);
  });

  it('AppVeyor: `- ps: |` is PowerShell and `- cmd: |` cmd in a phase; ps and cmd elsewhere are values', () => {
    const text = [
      'build_script:',
      '  - ps: |',
      '      $x = 1 # one',
      '  - cmd: |',
      '      REM two',
      '      echo Build #42',
      'install:',
      '- ps: |',
      '    <# three #>',
      'other:',
      '  ps: |',
      '    # text',
      '  cmd: |',
      '    # text',
      'test_script:',
      '  ps: |',
      '    # not an item: text',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three ']);
  });

  it('Argo: a script template\'s source is shell when its command is sh or bash, Python under python, JavaScript under node', () => {
    const argo = (command: string): string[] =>
      contents('yaml', ['spec:', '  templates:', '    - name: t', '      script:', '        image: x', `        command: ${command}`, '        source: |', '          echo hi # x'].join('\n'));
    assert.deepEqual(argo('[bash]'), [' x']);
    assert.deepEqual(argo('["/bin/sh"]'), [' x']);
    assert.deepEqual(argo('[python]'), [' x']);
    assert.deepEqual(argo('[node]'), [], 'a # is no comment in JavaScript');
    assert.deepEqual(argo('[ruby]'), [], 'an unknown language is a value');
  });

  it('PowerShell blocks: <# #> comments, the backtick escape, here-strings, a#b', () => {
    const text = [
      'jobs:',
      '  w:',
      '    steps:',
      '      - shell: pwsh',
      '        run: |',
      '          <# one #> Write-Host "a\\" # two',
      '          <#',
      '            three',
      '          #> Get-Item x # four',
      "          $h = @'",
      '          # here-string text',
      "          '@",
      '          Write-Host a#b "`"# no" `# no',
      '      - powershell: |',
      '          Write-Host "x" <# five',
      '          never closed',
      '      - run: echo',
    ].join('\n');
    assert.deepEqual(tokens('yaml', text), [
      'block:<# one #>',
      'line:# two',
      'block:<#\n            three\n          #>',
      'line:# four',
      'block:<# five\n          never closed',
    ]);
    assert.ok(code('yaml', text).includes('Write-Host a#b'), 'the script stays code');
  });

  it('cmd blocks: REM, @REM and :: lines are comments, # is text, a ^ line goes on', () => {
    const text = [
      'steps:',
      '  - shell: cmd',
      '    run: |',
      '      REM one',
      '      @rem two',
      '      :: three',
      '      echo Build #42',
      '      echo a ^',
      '      REM part of the echo',
      '      remark.exe',
      '      rem',
    ].join('\r\n');
    assert.deepEqual(tokens('yaml', text), ['line:REM one', 'line:@rem two', 'line::: three', 'line:rem']);
    assert.equal(blockOf(text, 'Build #42'), 'cmd', 'a # comment line would be a command in cmd: an ignore is a REM line');
  });

  it("GitHub Actions: a step naming no shell runs in its job's defaults.run.shell, else the workflow's", () => {
    const text = [
      'defaults:',
      '  run:',
      '    shell: pwsh',
      'jobs:',
      '  win:',
      '    defaults:',
      '      run:',
      '        shell: cmd',
      '    steps:',
      '      - run: |',
      '          echo Build #42',
      '          REM one',
      '      - run: |',
      '          echo # two',
      '        shell: bash',
      '  other:',
      '    runs-on: windows-latest',
      '    steps:',
      '      - name: x',
      '        run: |',
      '          <# three #> Write-Host "C:\\temp\\" # four',
    ].join('\n');
    assert.deepEqual(tokens('yaml', text), ['line:REM one', 'line:# two', 'block:<# three #>', 'line:# four']);
  });

  it('GitHub Actions: a step whose shell is python (or a custom `python {0}` shell) is lexed as Python', () => {
    const step = (shell: string): string[] =>
      contents(
        'yaml',
        ['steps:', `  - shell: ${shell}`, '    run: |', "      print('it\\'s') # one", '      """TODO: two, a docstring statement"""', "      s = '''", '      # text of a string', "      '''", '      x=1# three'].join('\n'),
      );
    const python = [' one', 'TODO: two, a docstring statement', ' three'];
    assert.deepEqual(step('python'), python);
    assert.deepEqual(step('python {0}'), python);
    assert.deepEqual(step('/usr/bin/python3 -u {0}'), python);
    // Read as bash, `'it\'` ends a quote and `s'` opens one that runs on: all but the string text is missed.
    assert.deepEqual(step('bash'), [' text of a string']);
  });

  it('a `script: |` starting with a python shebang (Tekton) is Python; an Argo source under command [python] too', () => {
    const tekton = ['steps:', '  - name: x', '    image: python:3', '    script: |', '      #!/usr/bin/env python3', "      print('a\\'b')  # one", '      """', '      # docstring text', '      """'].join('\n');
    assert.deepEqual(contents('yaml', tekton), ['!/usr/bin/env python3', ' one', '\n      # docstring text\n      ']);
    assert.deepEqual(contents('yaml', tekton.replace('python3', 'bash')), ['!/usr/bin/env bash']);
    const argo = ['script:', '  image: python', '  command: [python]', '  source: |', "    print('a\\'b')  # one"].join('\n');
    assert.deepEqual(contents('yaml', argo), [' one']);
  });

  it('a shebang picks the language only where the platform runs the script as a file (Tekton); a shell reads `#!` as a comment', () => {
    const body = ['#!/usr/bin/env python3', "print('a\\'b')  # one"];
    const block = (indent: string): string[] => body.map((line) => indent + line);
    const python = ['!/usr/bin/env python3', ' one'];
    const shell = ['!/usr/bin/env python3'];
    // Tekton: a step or sidecar with an image, its script first or last; a StepAction's spec.
    assert.deepEqual(contents('yaml', ['steps:', '  - image: python:3', '    script: |', ...block('      ')].join('\n')), python);
    assert.deepEqual(contents('yaml', ['sidecars:', '  - script: |', ...block('      '), '    image: python:3'].join('\n')), python);
    assert.deepEqual(contents('yaml', ['kind: StepAction', 'spec:', '  image: python:3', '  script: |', ...block('    ')].join('\n')), python);
    // GitLab CI runs a job's script in its shell, image or not; Azure Pipelines a `- script:` step.
    assert.deepEqual(contents('yaml', ['test:', '  image: python:3', '  script: |', ...block('    ')].join('\n')), shell);
    assert.deepEqual(contents('yaml', ['test:', '  script:', '    - |', ...block('      ')].join('\n')), shell);
    assert.deepEqual(contents('yaml', ['steps:', '  - script: |', ...block('      '), '    displayName: x'].join('\n')), shell);
  });

  it('Ansible: win_shell with `args: executable: cmd` is a cmd script', () => {
    const text = [
      'tasks:',
      '  - name: build',
      '    win_shell: |',
      '      echo Build #42',
      '      REM one',
      '    args:',
      '      chdir: C:\\src',
      '      executable: cmd',
      '  - ansible.windows.win_shell: |',
      '      Write-Host x # two',
      '    args:',
      '      executable: powershell.exe',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' two']);
    assert.equal(blockOf(text, 'Build #42'), 'cmd');
  });

  it('actions/github-script: `with: script: |` is JavaScript (`//` and `/* */` comments, strings, templates)', () => {
    const text = [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          github-token: ${{ secrets.TOKEN }}',
      '          script: |',
      '            // TODO: one',
      '            const url = "https://x//y"; # not a comment in JavaScript',
      '            const t = `',
      '            // text of a template',
      '            `;',
      '            /* two',
      '               */ await run();',
      '      - uses: other/action@v1',
      '        with:',
      '          script: |',
      '            // an input of another action: a value',
      '      - name: x',
      '        run: echo # three',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' TODO: one', ' two\n               ', ' three']);
    assert.equal(blockOf(text, 'TODO: one'), 'javascript');
    assert.equal(blockOf(text, 'an input of another action'), 'value');
  });

  it('an indicator on a line of its own (`run:` then `|` below it) is the key\'s block: the lexer and yamlBlockAt agree', () => {
    const text = [
      'steps:',
      '  - run:',
      '      |',
      '        echo "#x" # one',
      '        curl -k https://x',
      '  - name: x',
      '    description: # a YAML comment',
      '      |',
      '        text # of the value',
      '        curl -k https://y',
      'script:',
      '  -',
      '    |',
      '      echo # two',
      '      make',
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' a YAML comment', ' two']);
    assert.equal(blockOf(text, 'curl -k https://x'), 'script');
    assert.equal(blockOf(text, 'curl -k https://y'), 'value');
    assert.equal(blockOf(text, '      make'), 'script');
  });

  it('a folded script (`run: >`) is one shell line per run of joined lines: a comment takes in the lines folded onto it', () => {
    const text = [
      'steps:',
      '  - run: >',
      '      echo a # TODO: one',
      '      curl -k https://joined-onto-the-comment',
      '',
      '      curl -k https://after-a-blank-line # two',
      '        curl -k https://more-indented-keeps-its-break',
      '      docker run',
      '      --rm image # three',
      '  - shell: cmd',
      '    run: >-',
      '      REM four',
      '      echo joined',
      '      echo Build #42',
      '  - description: >',
      '      # a value',
    ].join('\n');
    assert.deepEqual(tokens('yaml', text), [
      'line:# TODO: one',
      'line:curl -k https://joined-onto-the-comment',
      'line:# two',
      'line:# three',
      'line:REM four',
      'line:echo joined',
      'line:echo Build #42',
    ]);
    const kept = code('yaml', text);
    assert.ok(!kept.includes('joined-onto-the-comment') && kept.includes('after-a-blank-line') && kept.includes('more-indented-keeps-its-break'));
    assert.equal(blockOf(text, 'after-a-blank-line'), 'folded', 'a comment line there would comment out the line folded after it');
    assert.equal(blockOf(text, 'a value'), 'value');
  });

  it('a `- |` item far below its list key (past 200 lines) is still a script, and a long block is still a block', () => {
    const items = Array.from({ length: 120 }, (_, k) => ['    - |', `      echo ${k} # c${k}`]).flat();
    const text = ['job:', '  script:', ...items, '    - echo last # end'].join('\n');
    const found = contents('yaml', text);
    assert.equal(found.length, 121);
    assert.equal(found[119], ' c119');
    assert.equal(blockOf(text, 'echo 119'), 'script');
    const long = ['steps:', '  - uses: actions/github-script@v7', '    with:', '      script: |', ...Array.from({ length: 250 }, (_, k) => `        call(${k});`), '        // TODO: last'].join('\n');
    assert.deepEqual(contents('yaml', long), [' TODO: last']);
    assert.equal(blockOf(long, 'TODO: last'), 'javascript', 'a comment written there is a // line');
  });

  it("a `- |` item's key: past sibling items and their nested lists, however the items above are indented", () => {
    const text = [
      'script:',
      '- echo a',
      '- |',
      '  echo # one',
      'job:',
      '  script:',
      '    - |',
      '      a # two',
      '    - key:',
      '        - |',
      '          # text of a value of key',
      '    - - |',
      '        # text of an item of an item',
      '    - |',
      '      b # three',
      '  variables:',
      '    - |',
      '      # text of a value of variables',
      'after_script:',
      ...Array.from({ length: 30 }, (_, k) => [' '.repeat(60 - 2 * k) + '- |', ' '.repeat(62 - 2 * k) + `echo # c${k}`]).flat(),
    ].join('\n');
    assert.deepEqual(contents('yaml', text), [' one', ' two', ' three', ...Array.from({ length: 30 }, (_, k) => ` c${k}`)]);
    assert.equal(blockOf(text, 'text of a value of key'), 'value');
    assert.equal(blockOf(text, 'b # three'), 'script');
    assert.equal(blockOf(text, 'c29'), 'script');
  });

  it("bash: an apostrophe opens a quote, so `echo don't # TODO` holds no comment (bash reads on to the next ')", () => {
    const text = ['steps:', '  - run: |', "      echo don't # TODO", "      echo done' # one"].join('\n');
    assert.deepEqual(contents('yaml', text), [' one']);
  });

  it('a file with CRLF or lone CR line endings lexes as the same file with LF: comments, block kinds and findings by line', () => {
    const fixtures: Record<string, string[]> = {
      githubScript: ['jobs:', '  a:', '    steps:', '      - uses: actions/github-script@v7', '        with:', '          script: |', '            const s = "// not TODO";', '            // TODO fix in the next sprint', '            x()', '      - run: echo # after'],
      folded: ['jobs:', '  a:', '    steps:', '      - run: >', '          echo hi # TODO fix next sprint', '          curl -k https://x', '', '          curl -k https://y # two', '      - run: echo'],
      tekton: ['spec:', '  steps:', '    - name: x', '      image: python:3', '      script: |', '        #!/usr/bin/env python3', "        print('a\\'b')  # TODO fix in the next sprint", '        """', '        # docstring text', '        """'],
      defaults: ['defaults:', '  run:', '    shell: pwsh', 'jobs:', '  a:', '    defaults:', '      run:', '        shell: python', '    steps:', '      - run: |', "          print('it\\'s') # one", '  b:', '    steps:', '      - run: |', '          <# two', '          #> Write-Host "#x"'],
      gitlab: ['job:', '  script:', ...Array.from({ length: 210 }, (_, k) => `    - echo ${k}`), '    - |', '      echo x # TODO fix next sprint', '      curl -k https://z'],
      ownLine: ['steps:', '  - run:', '      |', '        echo "#x" # one', '  - description:', '      |', '        text # of the value'],
      ansible: ['tasks:', '  - win_shell: |', '      echo Build #42', '      REM TODO fix next sprint', '    args:', '      executable: cmd'],
    };
    const language = languageById('yaml');
    assert.ok(language);
    /** What the lexer, yamlBlockAt and the engine make of a text, by line and column. */
    const read = (text: string): string[] => {
      const lines = new LineIndex(text);
      const at = (offset: number): string => {
        const p = lines.position(offset);
        return `${p.line}:${p.column}`;
      };
      const comments = lexAs('yaml', text).comments.map((c) => `${c.kind} ${at(c.start)}-${at(c.end)} ${JSON.stringify(text.slice(c.contentStart, c.contentEnd).replace(/\r\n?/g, '\n'))}`);
      const blocks = lines.starts.map((start, k) => `${k + 1} ${yamlBlockAt(text, start) ?? '-'}`);
      // Findings by rule and place: their excerpts join a run of line comments, which the rules do at line feeds only.
      const findings = analyzeDocument({ text, path: '.github/workflows/x.yml', language, settings: defaultEngineSettings(), now: '2025-11-27' }).map(
        (f) => `${f.ruleId} ${f.line}:${f.column}`,
      );
      return [...comments, ...blocks, ...findings];
    };
    for (const [name, fixture] of Object.entries(fixtures)) {
      const lf = read(fixture.join('\n'));
      assert.ok(lf.some((entry) => /^(?:line|block) /.test(entry)), `${name}: the fixture holds comments`);
      assert.deepEqual(read(fixture.join('\r\n')), lf, `${name} with CRLF`);
      assert.deepEqual(read(fixture.join('\r')), lf, `${name} with lone CRs`);
    }
  });

  it('keeps no YAML text once it is lexed: what its blocks taught the lexer lives as long as the lex', async () => {
    const id = randomUUID();
    // A `- |` item (its list's key is searched) and a `run: |` naming no shell (defaults are searched).
    const lexed = (): number => lexAs('yaml', `job-${id}:retained\n  script:\n    - |\n      echo # one\n  steps:\n    - run: |\n        echo # two\n`).comments.length;
    assert.equal(lexed(), 2); // the text and the lex result (its code holds the text too) are gone with the call
    // V8 keeps the subject of the last regular expression run (RegExp.input): not the lexer's doing.
    /x/.exec('x');
    const snapshot = getHeapSnapshot(); // taken now, after a full garbage collection
    const needle = `-${id}:retained`;
    let held = false;
    let tail = '';
    for await (const chunk of snapshot) {
      const text = tail + String(chunk);
      held ||= text.includes(needle);
      tail = text.slice(-needle.length);
    }
    assert.equal(held, false, 'the text is still held');
  });
});
