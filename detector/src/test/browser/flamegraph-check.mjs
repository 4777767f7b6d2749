// Opens a flame graph in headless Chromium and prints what it saw as one JSON object; FlameGraphBrowserTest asserts
// on it. Mode "use" works flamegraph.html as a person would (search, hover, click, the findings list) and saves
// screenshots; mode "inert" opens flamegraph.html or flamegraph.svg with hostile names, hovers the frame named by
// the regex (HTML) and counts the elements and dialogs the names could have caused.
// Usage: node flamegraph-check.mjs <use|inert> <chromium> <file> <frame regex> <screenshot dir>
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, executable, file, pattern, shots] = process.argv.slice(2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(path.join(tmpdir(), 'profgate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable, headless: true, args: ARGS, viewport: { width: 1400, height: 860 },
});
const seen = { dialogs: [], errors: [], requests: [] };
try {
  const page = await context.newPage();
  page.on('dialog', (dialog) => { seen.dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) seen.requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href);
  if (file.endsWith('.svg')) {
    await page.waitForTimeout(300);
    seen.injected = await injected(page);
  } else {
    await page.waitForFunction(() => performance.getEntriesByName('profgate:first-paint').length > 0, null,
      { timeout: 60000 });
    await (mode === 'use' ? use(page) : hover(page));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));

async function hover(page) {
  const target = await frame(page);
  await page.mouse.move(target.x + Math.min(target.w / 2, 40), target.y + target.h / 2);
  await page.waitForSelector('#tip', { state: 'visible' });
  seen.tooltip = await page.innerText('#tip');
  await page.waitForTimeout(300);
  seen.injected = await injected(page);
}

async function use(page) {
  seen.injected = await injected(page);
  seen.drawn = await frame(page);
  seen.pixel = seen.drawn && await pixel(page, seen.drawn.x + seen.drawn.w / 2, seen.drawn.y + 3);
  seen.shading = await shading(page);

  await page.fill('#search', pattern);
  await page.waitForFunction(() => document.getElementById('matched').textContent !== '');
  seen.matchedText = await page.textContent('#matched');
  seen.searched = await frame(page);
  seen.outline = seen.searched && await pixel(page, seen.searched.x + 1.5, seen.searched.y + seen.searched.h / 2);

  const target = seen.searched;
  await page.mouse.move(target.x + Math.min(target.w / 2, 40), target.y + target.h / 2);
  await page.waitForSelector('#tip', { state: 'visible' });
  seen.tooltip = await page.innerText('#tip');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'flamegraph-search-tooltip.png') });

  await page.mouse.click(target.x + Math.min(target.w / 2, 40), target.y + target.h / 2);
  seen.zoomed = await page.evaluate(() => window.profgate.state());
  seen.zoomedFrame = await frame(page);
  seen.canvasWidth = await page.evaluate(() => document.getElementById('canvas').clientWidth);
  await page.mouse.move(5, 5);
  await page.screenshot({ path: path.join(shots, 'flamegraph-zoomed.png') });

  await page.click('#reset');
  await page.fill('#search', '');
  seen.reset = await page.evaluate(() => window.profgate.state());
  await page.click('#findings button');
  seen.finding = await page.textContent('#findings button .fn');
  seen.findingZoom = await page.evaluate(() => window.profgate.state());
  await page.click('#mode-base');
  seen.baseMode = await page.evaluate(() => window.profgate.state());
  await page.click('#reset');
  await page.click('#mode-head');
  await page.screenshot({ path: path.join(shots, 'flamegraph.png') });
  seen.injected += await injected(page);
}

// The legend's scale, how many of its shades the canvas shows, and which one the searched frame has.
async function shading(page) {
  return page.evaluate((p) => {
    const plain = (colour) => colour.replace(/ /g, '');
    const swatches = [...document.querySelectorAll('#scale i')].map((i) => plain(getComputedStyle(i).backgroundColor));
    const canvas = document.getElementById('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const drawn = new Set();
    for (let k = 0; k < data.length; k += 4) drawn.add('rgb(' + data[k] + ',' + data[k + 1] + ',' + data[k + 2] + ')');
    return { swatches: swatches.length, labels: [...document.querySelectorAll('#scale div')].map((d) => d.textContent),
      shown: swatches.filter((colour) => drawn.has(colour)).length,
      frame: swatches.indexOf(plain(window.profgate.frame(p).fill)) };
  }, pattern);
}

// Elements a hostile function name could have created: the page has two scripts and none of the others; the SVG none.
async function injected(page) {
  return page.evaluate(() => {
    const svg = document.documentElement.nodeName === 'svg';
    const found = document.querySelectorAll('img, iframe, object, embed, foreignObject, script' + (svg ? '' : ', svg'));
    return found.length - (svg ? 0 : 2);
  });
}

async function frame(page) {
  return page.evaluate((p) => window.profgate.frame(p), pattern);
}

// The colour of the canvas at a page position, as [r, g, b].
async function pixel(page, x, y) {
  return page.evaluate(([px, py]) => {
    const canvas = document.getElementById('canvas');
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / rect.width;
    const data = canvas.getContext('2d').getImageData(Math.floor((px - rect.left) * ratio),
      Math.floor((py - rect.top) * ratio), 1, 1).data;
    return [data[0], data[1], data[2]];
  }, [x, y]);
}
