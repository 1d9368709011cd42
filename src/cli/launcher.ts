// The `qa-lens` bin (dist/cli.js): runs the CLI bundle from V8's code cache (codeCache.ts says why).
// The bundle reads process.argv itself, as it would as the entry point.
import { runBundle } from './codeCache';

const { cacheUsed } = runBundle(__dirname, require);
if (process.env.QA_LENS_DEBUG_CODE_CACHE) process.stderr.write(`qa-lens: code cache ${cacheUsed ? 'used' : 'not used'}\n`);
