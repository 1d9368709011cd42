// Lets mocha load TypeScript test files under plain Node: each .ts file is transpiled by esbuild
// (already a build dependency) on require. Type checking is `npm run typecheck`'s job, not this one's.
const { transformSync } = require('esbuild');
const fs = require('node:fs');

require.extensions['.ts'] = function loadTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);
