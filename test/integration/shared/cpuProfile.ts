// A CPU profile of the extension host's own thread around a piece of a test, for attributing a
// stall before anyone changes code for speed. Off unless QA_LENS_IT_PROFILE names a folder (the
// driver passes the environment through to the extension host): then the raw .cpuprofile is
// written there (open it in Chrome DevTools) and a summary is returned for the report.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Busy (non-idle) milliseconds per owner: QA Lens, a built-in extension by name, VS Code, Node, GC. */
  owners: string[];
  /** The longest run of busy samples (≈ the longest stall), with its top self-time functions and owners. */
  longestBusyMs: number;
  longestBusy: string[];
  /** Top self-time functions over the whole profile. */
  top: string[];
}

/** Runs `work` under the inspector's sampling profiler when QA_LENS_IT_PROFILE is set. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<{ result: T; summary?: ProfileSummary }> {
  const dir = process.env.QA_LENS_IT_PROFILE;
  if (!dir) return { result: await work() };
  const session = new Session();
  session.connect();
  const post = <R>(method: string, params?: object): Promise<R> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, value) => (error ? reject(error) : resolve(value as R))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    const result = await work();
    const { profile } = await post<{ profile: Profile }>('Profiler.stop');
    await writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    return { result, summary: summarise(profile) };
  } finally {
    session.disconnect();
  }
}

function summarise(profile: Profile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ownerOf = new Map<number, string>();
  const owner = (id: number): string => {
    let found = ownerOf.get(id);
    if (found) return found;
    // The innermost frame with a known owner decides: a V8 builtin called by QA Lens is QA Lens's.
    found = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      const name = byId.get(at)?.callFrame.functionName ?? '';
      const known = ownerOfFrame(url, name);
      if (known) {
        found = known;
        break;
      }
    }
    ownerOf.set(id, found);
    return found;
  };
  // The innermost frames of a sample, leaf first: enough to tell whose call it was.
  const stackOf = (id: number): string => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined && frames.length < 8; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && frame.functionName !== '(root)') frames.push(frameName(frame));
    }
    return frames.join(' < ');
  };
  const isIdle = (id: number): boolean => {
    const name = byId.get(id)?.callFrame.functionName;
    return name === '(idle)';
  };

  const ownerTime = new Map<string, number>();
  const selfTime = new Map<string, number>();
  let runStart = -1;
  let runMs = 0;
  let best = { start: 0, end: 0, ms: 0 };
  // Profiler.stop's own work (serialising the profile) lands in the last samples: not the test's subject.
  const profilerOwn = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)?.callFrame.url === 'node:inspector') return true;
    return false;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (profilerOwn(id)) return;
    if (isIdle(id)) {
      runStart = -1;
      runMs = 0;
      return;
    }
    if (runStart < 0) runStart = i;
    runMs += ms;
    if (runMs > best.ms) best = { start: runStart, end: i, ms: runMs };
    add(ownerTime, owner(id), ms);
    add(selfTime, frameName(byId.get(id)?.callFrame), ms);
  });

  const stallOwners = new Map<string, number>();
  const stallStacks = new Map<string, number>();
  for (let i = best.start; i <= best.end; i++) {
    const id = profile.samples[i];
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    add(stallOwners, owner(id), ms);
    add(stallStacks, stackOf(id), ms);
  }
  return {
    owners: ranked(ownerTime, top),
    longestBusyMs: Math.round(best.ms),
    longestBusy: [...ranked(stallOwners, top).map((line) => `owner ${line}`), ...ranked(stallStacks, 3)],
    top: ranked(selfTime, top),
  };
}

/** Who a frame belongs to, by its script: undefined for V8/Node internals (the caller decides). */
function ownerOfFrame(url: string, functionName: string): string | undefined {
  if (functionName === '(garbage collector)') return 'GC';
  if (url.includes('/dist/extension.js') || url.includes('/dist/analysisWorker.js')) return 'QA Lens';
  if (url.includes('/out/integration/')) return 'the test';
  const builtin = /\/extensions\/([^/]+)\//.exec(url);
  if (builtin) return `extension ${builtin[1]}`;
  if (url.includes('/out/vs/')) return 'VS Code extension host';
  return undefined;
}

function frameName(frame: CallFrame | undefined): string {
  if (!frame) return '?';
  const file = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${file}`.trim();
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function ranked(map: Map<string, number>, top: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${ms.toFixed(1)} ms ${key}`);
}
