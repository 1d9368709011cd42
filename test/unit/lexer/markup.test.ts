import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: markup', () => {
  it('HTML: <!-- --> comments; body text and attributes are not comments and are masked', () => {
    const text = '<p title="<!-- no -->">TODO in text // no</p><!-- one -->';
    assert.deepEqual(contents('html', text), [' one ']);
    assert.ok(!code('html', text).includes('TODO'));
  });

  it('HTML: <script> and <style> bodies are lexed as JavaScript and CSS', () => {
    const text = [
      '<script type="module">',
      '  // one',
      '  const s = "</div> <!-- no -->"; /* two */',
      '</script>',
      '<STYLE>a { b: "/* no */"; } /* three */</STYLE>',
      '<script type="text/template"><!-- TODO template text // no --></script>',
      '<p>// no</p>',
    ].join('\n');
    assert.deepEqual(tokens('html', text), ['line:// one', 'block:/* two */', 'block:/* three */']);
  });

  it('Vue and Svelte: lang="ts" scripts and scss styles', () => {
    const vue = '<template><div>{{ a // no }}</div></template>\n<script setup lang="ts">\nconst x = <number>y; // one\n</script>\n<style lang="scss">\n// two\n</style>';
    assert.deepEqual(contents('vue', vue), [' one', ' two']);
    assert.deepEqual(contents('svelte', '<script>\n/* one */\n</script>\n{#if x}// no{/if}'), [' one ']);
  });

  it('PHP: code between <?php and ?>; ?> ends a line comment; HTML around it', () => {
    const text = '<html><!-- one --><?php\n$a = "?> # no"; // two ?><p># no</p><?= $b /* three */ ?>\n<?php #[Attr]\n# four';
    assert.deepEqual(contents('php', text), [' one ', ' two ', ' three ', ' four']);
  });

  it('PHP: heredoc and nowdoc', () => {
    const text = "<?php\n$a = <<<EOT\n# no {$x}\nEOT;\n$b = <<<'NOW'\n  // no\n  NOW; // yes";
    assert.deepEqual(contents('php', text), [' yes']);
  });

  it('XML: CDATA is text; values are code', () => {
    const text = '<a b="x"><![CDATA[ <!-- no --> ]]><!-- one --></a>';
    assert.deepEqual(contents('xml', text), [' one ']);
    assert.ok(code('xml', text).includes('b="x"'));
  });

  it('Markdown: only <!-- --> outside code spans and fences', () => {
    const text = '# Title TODO\n`<!-- no -->` and ``a ` <!-- no --> ``\n```html\n<!-- no -->\n```\n~~~\n<!-- no\n~~~\n<!-- one -->';
    assert.deepEqual(contents('markdown', text), [' one ']);
    assert.equal(code('markdown', text).trim(), '');
  });
});
