// Time to first paint of flame graph pages in headless Chromium: from navigation start to the first animation
// frame after the page's first canvas fillRect (the frame that shows the drawn graph), measured the same way for
// every page by an init script; also the browser's first-contentful-paint. The pages are loaded in turn, RUNS times;
// prints one JSON line per page with the medians. Used by benchmarks/flamegraph-vs-async.sh.
// Usage: node first-paint.mjs <chromium> <runs> <page.html>...
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [executable, runs, ...pages] = process.argv.slice(2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const HOOK = () => {
  const fillRect = CanvasRenderingContext2D.prototype.fillRect;
  CanvasRenderingContext2D.prototype.fillRect = function (...args) {
    if (this.canvas.isConnected && !window.__firstDraw) {
      window.__firstDraw = performance.now();
      requestAnimationFrame(() => { window.__painted = performance.now(); });
    }
    return fillRect.apply(this, args);
  };
};

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const profile = mkdtempSync(path.join(tmpdir(), 'profgate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable, headless: true, args: ARGS, viewport: { width: 1400, height: 900 },
});
try {
  await context.addInitScript(HOOK);
  const painted = pages.map(() => []), fcp = pages.map(() => []);
  for (let run = 0; run < Number(runs); run++) {
    for (let p = 0; p < pages.length; p++) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(pages[p]).href, { waitUntil: 'load', timeout: 120000 });
      await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120000 });
      painted[p].push(await page.evaluate(() => window.__painted));
      fcp[p].push(await page.evaluate(() => new Promise((resolve) => new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true }))));
      await page.close();
    }
  }
  pages.forEach((file, p) => console.log(JSON.stringify({ page: file, bytes: statSync(file).size, runs: Number(runs),
    firstCanvasPaintMs: Math.round(median(painted[p])), firstContentfulPaintMs: Math.round(median(fcp[p])),
    allCanvasPaintMs: painted[p].map(Math.round) })));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
