/**
 * Where each checklist item stands for a file: the model, its validation and a storage-neutral
 * store. The editor persists the JSON document (formats.md: under its storageUri, written
 * atomically) and never writes status into the checklist file itself.
 */

export const ITEM_STATUSES = ['open', 'addressed', 'deviates', 'not-applicable'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Statuses that need a one-line reason: a deviation or an exemption must say why. */
export const REASON_REQUIRED: readonly ItemStatus[] = ['deviates', 'not-applicable'];

export const MAX_REASON_LENGTH = 300;
const MIN_REASON_LENGTH = 3;

export interface ItemState {
  status: ItemStatus;
  /**
   * Required for deviates and not-applicable; kept with the other statuses too when the item had
   * one (what the user wrote is never dropped by a status change).
   */
  reason?: string;
  /** ISO timestamp of the change, when the caller records one. */
  updated?: string;
}

/** Identifies one item of one checklist for one file, on one branch of one workspace folder. */
export interface ChecklistStateKey {
  /** The workspace folder (its URI or path: whatever the editor uses consistently). */
  folder: string;
  branch: string;
  /** Workspace-relative path, '/' separators. */
  file: string;
  checklist: string;
  item: string;
  /**
   * The full commit id when `branch` is a detached HEAD's 7-digit key (never stored): states kept
   * under an older, longer key of that same commit are read as its own. Without it they are not.
   */
  commit?: string;
}

/** Per-checklist item states of one file: item id -> state. */
export type ItemStates = Readonly<Record<string, ItemState>>;

export interface ChecklistStateStore {
  /** The state of an item, undefined when it is open (never touched, or set back to open). */
  get(key: ChecklistStateKey): ItemState | undefined;
  /** Sets an item's state; `open` forgets it. Throws on an invalid state (callers validate input first). */
  set(key: ChecklistStateKey, state: ItemState): void;
  /** Every recorded item state of one checklist for one file. */
  itemStates(folder: string, branch: string, file: string, checklist: string): ItemStates;
}

/** The JSON document the editor stores: folder -> branch -> file -> checklist -> item -> state. */
export interface ChecklistStateDocument {
  version: 1;
  entries: Record<string, Record<string, Record<string, Record<string, Record<string, ItemState>>>>>;
}

/**
 * Why a reason typed now is not acceptable for a status, or null. A reason is one line of real
 * text: the point is that the next reader learns why, so "-", "n/a" or "tbd" will not do.
 */
export function validateReason(status: ItemStatus, reason: string | undefined): string | null {
  const problem = storedReasonProblem(status, reason);
  if (problem !== null || !REASON_REQUIRED.includes(status)) return problem;
  const text = reason!.trim();
  if (isPlaceholder(text)) return `'${status}' needs a reason that says why; "${text}" only fills the field`;
  return null;
}

/**
 * Words that fill a reason field without saying anything, compared without case, spaces or
 * punctuation ("N/A.", "n.a.", "T.B.D." and "not applicable" all match).
 */
const PLACEHOLDERS = new Set(['na', 'none', 'nil', 'null', 'nothing', 'tbd', 'tba', 'todo', 'fixme', 'idk', 'unknown', 'reason', 'because', 'notapplicable', 'doesnotapply', 'deviates', 'whatever', 'asdf', 'xxx']);

function isPlaceholder(text: string): boolean {
  const bare = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return bare === '' || PLACEHOLDERS.has(bare);
}

/**
 * The rules a stored reason must meet. Placeholders are refused only when typed (validateReason):
 * a state stored before that rule, reason "n/a" included, stays readable rather than being dropped.
 */
function storedReasonProblem(status: ItemStatus, reason: string | undefined): string | null {
  if (!REASON_REQUIRED.includes(status)) return null;
  const text = reason?.trim() ?? '';
  if (text.length < MIN_REASON_LENGTH) return `'${status}' needs a one-line reason (at least ${MIN_REASON_LENGTH} characters) saying why`;
  if (/[\r\n]/.test(text)) return 'the reason must be a single line';
  if (text.length > MAX_REASON_LENGTH) return `the reason is too long (${text.length} characters; at most ${MAX_REASON_LENGTH}): link to the details instead`;
  return null;
}

/** Why a value is not a valid item state, or null. */
export function validateItemState(state: unknown): string | null {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return 'an item state must be an object with a status';
  const { status, reason, updated } = state as Record<string, unknown>;
  if (typeof status !== 'string' || !(ITEM_STATUSES as readonly string[]).includes(status)) {
    return `status must be one of ${ITEM_STATUSES.join(', ')}, not ${JSON.stringify(status)}`;
  }
  if (reason !== undefined && typeof reason !== 'string') return 'reason must be text';
  if (updated !== undefined && typeof updated !== 'string') return 'updated must be an ISO timestamp';
  return storedReasonProblem(status as ItemStatus, reason);
}

/**
 * The branch key of a detached HEAD is its first 7 hex digits, in trusted and untrusted windows
 * alike (untrusted windows read .git/HEAD and run no git). Trusted windows used to key by git's
 * own short id, which is longer in a large repository or with `core.abbrev`: a key of 8 or more
 * hex digits that is a prefix of the detached HEAD's full commit id is that older form of the same
 * checkout, and what was recorded under it is read, not lost. Only a prefix of the full id: a
 * branch may be named with hex digits too (`20240115`), and its states must never show on, or be
 * replaced from, a detached HEAD whose 7 digits merely start it.
 */
const DETACHED_KEY = /^[0-9a-f]{7}$/;
const OLDER_DETACHED_KEY = /^[0-9a-f]{8,64}$/;

/** The 7-digit key an older, longer detached-HEAD key would stand for, or undefined. */
export function detachedKeyOf(branch: string): string | undefined {
  return OLDER_DETACHED_KEY.test(branch) ? branch.slice(0, 7) : undefined;
}

/**
 * Whether states stored under `stored` are read when `branch` is asked for: itself, or, for a
 * detached HEAD at `commit` (its full id), an older, longer key that is a prefix of that commit.
 */
export function branchKeyMatches(stored: string, branch: string, commit?: string): boolean {
  if (stored === branch) return true;
  return commit !== undefined && isOlderKeyOf(stored, branch, commit);
}

function isOlderKeyOf(stored: string, branch: string, commit: string): boolean {
  const full = commit.toLowerCase();
  return DETACHED_KEY.test(branch) && full.startsWith(branch) && OLDER_DETACHED_KEY.test(stored) && full.startsWith(stored);
}

/** A store kept in memory, built from and turned back into the JSON document. */
export class InMemoryChecklistStateStore implements ChecklistStateStore {
  private readonly states = new Map<string, ItemState>();
  /** Item states stored under an older detached-HEAD key, by the key they are read under now. */
  private readonly older = new Map<string, Set<string>>();

  /** `onChange` runs after every set, e.g. to schedule an atomic write of `toDocument()`. */
  constructor(document?: ChecklistStateDocument, private readonly onChange?: (store: InMemoryChecklistStateStore) => void) {
    if (document) {
      for (const [key, state] of flatten(document)) this.put(key, { ...state });
    }
  }

  get(key: ChecklistStateKey): ItemState | undefined {
    const state = this.states.get(keyOf(key)) ?? this.olderState(key);
    return state ? { ...state } : undefined;
  }

  set(key: ChecklistStateKey, state: ItemState): void {
    const problem = validateItemState(state);
    if (problem) throw new Error(`invalid state for ${key.checklist}/${key.item}: ${problem}`);
    const stored: ItemState = { status: state.status };
    // A reason is kept with every status, not only those that need one: a deviation set to
    // addressed keeps what the user wrote, so it is there again if the item deviates once more.
    const reason = state.reason?.trim();
    if (reason) stored.reason = reason;
    if (state.updated !== undefined) stored.updated = state.updated;
    // What the user sets now replaces the item's state under an older key of the same checkout
    // (else "open" would bring the older state back); only that checkout's, never a branch's.
    for (const older of this.olderIds(key)) this.remove(older);
    if (state.status === 'open') this.remove(keyOf(key));
    else this.put(key, stored);
    this.onChange?.(this);
  }

  /** `commit`: the full id of the detached HEAD that `branch` keys, when it is one (see ChecklistStateKey). */
  itemStates(folder: string, branch: string, file: string, checklist: string, commit?: string): ItemStates {
    // Item ids are the team's words: `constructor` or `__proto__` must stay plain keys.
    const result = Object.create(null) as Record<string, ItemState>;
    const fromOlder = Object.create(null) as Record<string, ItemState>;
    for (const [key, state] of this.states) {
      const [f, b, p, c, item] = JSON.parse(key) as string[];
      if (f !== folder || p !== file || c !== checklist) continue;
      if (b === branch) result[item] = { ...state };
      else if (branchKeyMatches(b, branch, commit)) fromOlder[item] ??= { ...state };
    }
    for (const item of Object.keys(fromOlder)) result[item] ??= fromOlder[item];
    return result;
  }

  private put(key: ChecklistStateKey, state: ItemState): void {
    const id = keyOf(key);
    this.states.set(id, state);
    const detached = detachedKeyOf(key.branch);
    if (detached !== undefined) {
      const asked = keyOf({ ...key, branch: detached });
      const ids = this.older.get(asked) ?? new Set<string>();
      this.older.set(asked, ids.add(id));
    }
  }

  private remove(id: string): void {
    if (!this.states.delete(id)) return;
    const [folder, branch, file, checklist, item] = JSON.parse(id) as [string, string, string, string, string];
    const detached = detachedKeyOf(branch);
    if (detached === undefined) return;
    const asked = keyOf({ folder, branch: detached, file, checklist, item });
    this.older.get(asked)?.delete(id);
    if (this.older.get(asked)?.size === 0) this.older.delete(asked);
  }

  private olderState(key: ChecklistStateKey): ItemState | undefined {
    const [first] = this.olderIds(key).sort();
    return first === undefined ? undefined : this.states.get(first);
  }

  /** Ids of the item's states stored under an older key of the detached HEAD at `key.commit`. */
  private olderIds(key: ChecklistStateKey): string[] {
    const commit = key.commit;
    if (commit === undefined) return [];
    return [...(this.older.get(keyOf(key)) ?? [])].filter((id) => isOlderKeyOf((JSON.parse(id) as string[])[1], key.branch, commit));
  }

  /** The serialisable document, keys sorted so the stored file diffs well. */
  toDocument(): ChecklistStateDocument {
    // Objects without a prototype: a checklist named `constructor` found an inherited function
    // where its level belonged (its state was lost), and a branch named `__proto__` wrote into
    // Object.prototype. Here every name is an own key, and JSON.stringify writes it as such.
    const level = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
    const entries: ChecklistStateDocument['entries'] = level();
    const keys = [...this.states.keys()].sort();
    for (const key of keys) {
      const [folder, branch, file, checklist, item] = JSON.parse(key) as [string, string, string, string, string];
      const level1 = (entries[folder] ??= level());
      const level2 = (level1[branch] ??= level());
      const level3 = (level2[file] ??= level());
      const level4 = (level3[checklist] ??= level());
      level4[item] = { ...this.states.get(key)! };
    }
    // Back to plain objects for callers; JSON.parse makes every name, `__proto__` too, an own key.
    return JSON.parse(JSON.stringify({ version: 1, entries })) as ChecklistStateDocument;
  }
}

/**
 * Reads a stored document that may be old, hand-edited or half-written by another tool: what is
 * valid is kept, each entry that is not is dropped and described. Never throws.
 */
export function readChecklistStateDocument(data: unknown): { document: ChecklistStateDocument; dropped: string[] } {
  const document: ChecklistStateDocument = { version: 1, entries: {} };
  const dropped: string[] = [];
  if (data === null || typeof data !== 'object' || (data as { version?: unknown }).version !== 1) {
    if (data !== undefined) dropped.push('the stored checklist state is not a version 1 document; starting afresh');
    return { document, dropped };
  }
  const store = new InMemoryChecklistStateStore();
  const walk = (value: unknown, path: string[]): void => {
    if (path.length === 5) {
      const problem = validateItemState(value);
      if (problem) dropped.push(`${path.join(' / ')}: ${problem}`);
      else {
        const [folder, branch, file, checklist, item] = path as [string, string, string, string, string];
        store.set({ folder, branch, file, checklist, item }, value as ItemState);
      }
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      dropped.push(`${path.join(' / ') || 'entries'}: expected an object`);
      return;
    }
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk((data as { entries?: unknown }).entries ?? {}, []);
  return { document: store.toDocument(), dropped };
}

/** How far a file has got through a checklist: done counts addressed, deviates and not-applicable. */
export function checklistProgress(items: readonly { id: string }[], states: ItemStates): { done: number; total: number } {
  let done = 0;
  for (const item of items) {
    const status = Object.prototype.hasOwnProperty.call(states, item.id) ? states[item.id].status : 'open';
    if (status !== 'open') done++;
  }
  return { done, total: items.length };
}

function flatten(document: ChecklistStateDocument): [ChecklistStateKey, ItemState][] {
  const result: [ChecklistStateKey, ItemState][] = [];
  for (const [folder, branches] of Object.entries(document.entries ?? {})) {
    for (const [branch, files] of Object.entries(branches ?? {})) {
      for (const [file, checklists] of Object.entries(files ?? {})) {
        for (const [checklist, items] of Object.entries(checklists ?? {})) {
          for (const [item, state] of Object.entries(items ?? {})) {
            if (validateItemState(state) === null) result.push([{ folder, branch, file, checklist, item }, state]);
          }
        }
      }
    }
  }
  return result;
}

function keyOf(key: ChecklistStateKey): string {
  return JSON.stringify([key.folder, key.branch, key.file, key.checklist, key.item]);
}
