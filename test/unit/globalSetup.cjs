// Builds dist/ once, before any unit test file runs (mocha's global setup runs in the main process,
// before the parallel workers start). Several test files drive the built CLI, and a file that
// rebuilt dist/ itself while another read it would race in a parallel run. The tests that need a
// fresh build of the sources under test build it themselves only when run without this setup (a
// single file with --no-config): QA_LENS_DIST_BUILT tells them it was done.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

exports.mochaGlobalSetup = function buildDist() {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], { cwd: path.join(__dirname, '..', '..'), stdio: 'inherit' });
  process.env.QA_LENS_DIST_BUILT = '1';
};
