// `npm run bench -- --profile`: runs one scan under `node --cpu-prof` and prints the functions
// with the most self time, the first thing to read before changing anything for speed.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { run } from './measure.mjs';

export async function profileScan(cli, root, outDir, top = 20) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', outDir, cli, 'scan', '--format', 'json', '--fail-on', 'never', '--no-budgets', root]);
  const file = (await readdir(outDir)).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  return summarise(JSON.parse(await readFile(path.join(outDir, file), 'utf8')), top);
}

/** Self time per function (name, file:line), from the sampled profile's nodes and time deltas. */
export function summarise(profile, top) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'}  ${path.basename(frame.url || '')}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}
