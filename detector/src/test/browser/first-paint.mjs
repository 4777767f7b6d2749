// Time to first paint of flame graph pages in headless Chromium: from navigation start to the first animation
// frame after the page's first canvas fillRect (the frame that shows the drawn graph), measured the same way for
// every page by an init script; also the browser's first-contentful-paint. Prints one JSON line per page with the
// median of the runs. Used by benchmarks/flamegraph-vs-async.sh.
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
  for (const file of pages) {
    const painted = [], fcp = [];
    for (let run = 0; run < Number(runs); run++) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120000 });
      await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120000 });
      painted.push(await page.evaluate(() => window.__painted));
      fcp.push(await page.evaluate(() => new Promise((resolve) => new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true }))));
      await page.close();
    }
    console.log(JSON.stringify({ page: file, bytes: statSync(file).size, runs: painted.length,
      firstCanvasPaintMs: Math.round(median(painted)), firstContentfulPaintMs: Math.round(median(fcp)),
      allCanvasPaintMs: painted.map(Math.round) }));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
