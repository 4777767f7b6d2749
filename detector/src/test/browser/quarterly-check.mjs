// Opens a quarterly report's HTML in headless Chromium and prints what the rendered page shows as one JSON object;
// QuarterlyBrowserTest asserts on it: the executive summary (text and on-screen box), the growers table's rows, each
// inline trend chart (its box, and per line the function, the number of points and the drawn box), the
// anti-pattern rows, console errors, script errors and every request that is not file://. Saves a full-page
// screenshot as quarterly-report.png.
// Usage: node quarterly-check.mjs <chromium> <report.html> <screenshot dir>
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [executable, file, shots] = process.argv.slice(2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(path.join(tmpdir(), 'profgate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable, headless: true, args: ARGS, viewport: { width: 1280, height: 900 },
});
const seen = { console: [], errors: [], requests: [] };
try {
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') seen.console.push(message.text()); });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) seen.requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  seen.summaryVisible = await page.isVisible('#summary');
  Object.assign(seen, await page.evaluate(read));
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'quarterly-report.png'), fullPage: true });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));

function read() {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  };
  const rows = (selector) => [...document.querySelectorAll(selector + ' tr')].slice(1)
    .map((row) => [...row.cells].map((cell) => cell.textContent));
  return {
    summary: document.getElementById('summary').innerText,
    summaryBox: box(document.getElementById('summary')),
    growers: rows('table.growers'),
    antiPatterns: rows('table.anti-patterns'),
    charts: [...document.querySelectorAll('figure.trend > svg')].map((svg) => ({
      box: box(svg),
      lines: [...svg.querySelectorAll('polyline')].map((line) => ({
        function: line.getAttribute('data-function'),
        points: line.points.numberOfItems,
        box: box(line),
      })),
    })),
  };
}
