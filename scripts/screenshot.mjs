// PNG screenshots of the real VS Code workbench with QA Lens loaded, for the README and for
// checking UI work by eye. Builds first.
//
//   node scripts/screenshot.mjs --out media/x.png [options]
//     --file PATH          open this workspace file (Ctrl+P)
//     --view LABEL         click the activity-bar entry whose aria-label starts with LABEL ("QA Lens")
//     --codelens           wait until CodeLens texts are shown
//     --hover-line N[:C]   put the cursor on line N (column C, default first non-blank) and show its hover
//     --problems           open the Problems panel
//     --wait-for SELECTOR  wait until a CSS selector is visible (e.g. '.squiggly-warning'), repeatable
//     --workspace DIR      folder to open (default: demo)
//     --setting KEY=JSON   a user setting, repeatable (--setting editor.fontSize=16)
//     --size WxH           viewport (default 1280x800)
//     --wait MS            extra settle time before the shot (default 500)
//     --print-codelens     also print the CodeLens texts, one a line
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './vscode-test/browser.mjs';
import { REPO_ROOT } from './vscode-test/provision.mjs';
import { serveWorkbench } from './vscode-test/workbench.mjs';

const { values: options } = parseArgs({
  options: {
    out: { type: 'string' },
    file: { type: 'string' },
    view: { type: 'string' },
    codelens: { type: 'boolean', default: false },
    'hover-line': { type: 'string' },
    problems: { type: 'boolean', default: false },
    'wait-for': { type: 'string', multiple: true, default: [] },
    workspace: { type: 'string', default: 'demo' },
    setting: { type: 'string', multiple: true, default: [] },
    size: { type: 'string', default: '1280x800' },
    wait: { type: 'string', default: '500' },
    'print-codelens': { type: 'boolean', default: false },
  },
});

if (!options.out) {
  console.error('usage: node scripts/screenshot.mjs --out media/x.png [--file PATH] [--view LABEL] [--codelens] [--hover-line N] [--problems]');
  process.exit(2);
}

const TIMEOUT = 60_000;
const [width, height] = options.size.split('x').map(Number);
const settings = {
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  ...Object.fromEntries(options.setting.map(parseSetting)),
};

function parseSetting(text) {
  const eq = text.indexOf('=');
  if (eq < 0) throw new Error(`--setting ${text}: expected KEY=JSON`);
  const raw = text.slice(eq + 1);
  try {
    return [text.slice(0, eq), JSON.parse(raw)];
  } catch {
    return [text.slice(0, eq), raw]; // a bare string
  }
}

async function shoot(page) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: TIMEOUT });
  if (options.file) {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
    await page.keyboard.type(options.file);
    // Pick the row naming the file: Enter alone could open whatever matched before typing ended.
    const name = path.basename(options.file);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().click({ timeout: TIMEOUT });
    await page.locator(`.tabs-container .tab[data-resource-name="${path.basename(options.file)}"]`).waitFor({ timeout: TIMEOUT });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: TIMEOUT });
  }
  if (options.view) {
    await page.locator(`.part.activitybar [aria-label^="${options.view}"]`).first().click({ timeout: TIMEOUT });
  }
  if (options.problems) await page.keyboard.press('Control+Shift+M');
  if (options.codelens || options['print-codelens']) {
    await page.locator('.codelens-decoration a').first().waitFor({ timeout: TIMEOUT });
  }
  for (const selector of options['wait-for']) await page.locator(selector).first().waitFor({ timeout: TIMEOUT });
  if (options['hover-line']) {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    const target = String(options['hover-line']);
    await page.keyboard.type(target);
    await page.keyboard.press('Enter');
    if (!target.includes(':')) await page.keyboard.press('Home');
    // Hover with the mouse where the cursor now is, as a person would.
    const cursor = await page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
    if (!cursor) throw new Error(`cannot place the cursor at ${target}`);
    await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2);
    // Wait for real content: providers first show "Loading...".
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover:not(.hidden)')].some((hover) => {
        const text = hover.textContent?.trim() ?? '';
        return text.length > 0 && !text.startsWith('Loading');
      }),
      undefined,
      { timeout: TIMEOUT },
    );
  }
  await page.waitForTimeout(Number(options.wait));
  if (options['print-codelens']) {
    for (const text of await page.locator('.codelens-decoration a').allTextContents()) console.log(text);
  }
  const out = path.resolve(REPO_ROOT, options.out);
  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.error(`wrote ${path.relative(REPO_ROOT, out)}`);
}

const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const browserDir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-shot-'));
const workbench = await serveWorkbench({ workspace: path.resolve(REPO_ROOT, options.workspace), settings });
let browser;
let page;
let code = 0;
try {
  browser = await launchBrowser(browserDir);
  page = await browser.newPage({ viewport: { width, height } });
  await page.goto(workbench.url);
  await shoot(page);
} catch (error) {
  console.error(`screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
  // What the page showed when it failed, to see why.
  const failed = path.join(os.tmpdir(), `qa-lens-screenshot-failed-${Date.now()}.png`);
  if (await page?.screenshot({ path: failed }).then(() => true, () => false)) console.error(`page at failure: ${failed}`);
  code = 1;
} finally {
  await browser?.close();
  await workbench.stop();
  await rm(browserDir, { recursive: true, force: true });
}
process.exit(code);
