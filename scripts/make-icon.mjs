// Renders the marketplace icon (media/icon.png, 128x128) from the SVG below with headless
// Chromium, so the source stays reviewable text. Run after changing the SVG, then commit the PNG:
//   node scripts/make-icon.mjs
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './vscode-test/browser.mjs';
import { REPO_ROOT } from './vscode-test/provision.mjs';

const SIZE = 128;

// A magnifying lens with a check mark in it, on a rounded tile.
const SVG = `
<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f6feb"/>
      <stop offset="1" stop-color="#0b3d91"/>
    </linearGradient>
    <radialGradient id="glass" cx="0.4" cy="0.35" r="0.75">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/>
      <stop offset="1" stop-color="#ffffff" stop-opacity="0.08"/>
    </radialGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#tile)"/>
  <line x1="78" y1="78" x2="106" y2="106" stroke="#f5f7fa" stroke-width="15" stroke-linecap="round"/>
  <circle cx="56" cy="56" r="34" fill="url(#glass)" stroke="#f5f7fa" stroke-width="9"/>
  <polyline points="39,57 51,69 74,44" fill="none" stroke="#3fdc7a" stroke-width="10"
            stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const out = path.join(REPO_ROOT, 'media', 'icon.png');
const runDir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-icon-'));
const browser = await launchBrowser(runDir);
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
} finally {
  await browser.close();
  await rm(runDir, { recursive: true, force: true });
}
