// Opens a flame graph in headless Chromium and prints what it saw as one JSON object; FlameGraphBrowserTest asserts
// on it. Mode "use" works flamegraph.html as a person would (search, hover, click, reload, the findings list, the
// function table, the keyboard, the sandwich view, a link to a function) and saves screenshots; mode "inert" opens
// flamegraph.html or flamegraph.svg with hostile names, hovers the frame named by the regex (HTML) and counts the
// elements and dialogs the names could have caused.
// Usage: node flamegraph-check.mjs <use|inert> <chromium> <file> <frame regex> <screenshot dir> [<fragment>]
// (use: the fragment to open last; inert: the fragment to open the page with)
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, executable, file, pattern, shots, fragment] = process.argv.slice(2);
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
  page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(message.text()); });
  page.on('request', (request) => { if (!request.url().startsWith('file:')) seen.requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href + (mode === 'inert' && fragment ? fragment : ''));
  if (file.endsWith('.svg')) {
    await page.waitForTimeout(300);
    seen.injected = await injected(page);
  } else {
    await painted(page);
    await (mode === 'use' ? use(page) : hover(page));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));

async function painted(page) {
  await page.waitForFunction(() => performance.getEntriesByName('profgate:first-paint').length > 0, null,
    { timeout: 60000 });
}

function state(page) {
  return page.evaluate(() => window.profgate.state());
}

async function hover(page) {
  seen.state = await state(page);
  await page.click('#reset');
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
  seen.zoomed = await state(page);
  seen.zoomedFrame = await frame(page);
  seen.canvasWidth = await page.evaluate(() => document.getElementById('canvas').clientWidth);
  await page.mouse.move(5, 5);
  await page.screenshot({ path: path.join(shots, 'flamegraph-zoomed.png') });
  await page.reload();
  await painted(page);
  seen.reloaded = await state(page);
  seen.reloadedFrame = await frame(page);

  await page.click('#reset');
  await page.fill('#search', '');
  seen.reset = await state(page);
  await page.click('#findings button');
  seen.finding = await page.textContent('#findings button .fn');
  seen.findingZoom = await state(page);
  await page.click('#mode-base');
  seen.baseMode = await state(page);
  await page.click('#reset');
  await page.click('#mode-head');
  await table(page);
  await keyboard(page);
  await sandwich(page);
  await overview(page);
  seen.injected += await injected(page);
  await page.goto('about:blank');
  await page.goto(pathToFileURL(file).href + fragment);
  await painted(page);
  seen.linked = await state(page);
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

// Sorting by name, then a click on the searched function's row (the search narrows the table to it).
async function table(page) {
  await page.click('#table th[data-key=name] button');
  seen.sorted = await page.evaluate(() => ({
    sort: document.querySelector('#table th[data-key=name]').getAttribute('aria-sort'),
    first: [...document.querySelectorAll('#table tbody tr')].slice(0, 3).map((row) => row.cells[0].title),
    shown: [...document.querySelectorAll('#table tbody tr')].slice(0, 3).map((row) => row.cells[0].textContent) }));
  await page.fill('#search', pattern);
  await page.waitForFunction((n) => [...document.querySelectorAll('#table tbody tr')]
    .every((row) => row.cells[0].title !== n), seen.sorted.first[0]);
  const index = await page.evaluate((n) => [...document.querySelectorAll('#table tbody tr')]
    .findIndex((row) => row.cells[0].title === n), seen.drawn.name);
  await page.click(`#table tbody tr >> nth=${index}`);
  seen.tableZoom = await state(page);
  seen.tableRow = await page.evaluate(() => document.querySelector('#table tr[aria-selected=true]').cells[0].title);
  await page.fill('#search', '');
  await page.click('#table th[data-key=delta] button');
}

// Tab onto the canvas, then down the widest callees until a frame has a neighbour to the right, there and back,
// up to the caller and down again, Enter to zoom, Escape to reset, / to search.
async function keyboard(page) {
  await page.click('#reset');
  await page.focus('#toggle-table');
  await page.keyboard.press('Tab');
  seen.focused = await page.evaluate(() => ({ id: document.activeElement.id,
    visible: document.activeElement.matches(':focus-visible'),
    outline: getComputedStyle(document.activeElement).outlineStyle }));
  const press = async (key) => {
    await page.keyboard.press(key);
    return (await state(page)).focusNode;
  };
  const keys = { downs: [] };
  while (keys.right === undefined && keys.downs.length < 12) {
    const here = await press('ArrowDown');
    keys.downs.push(here);
    const right = await press('ArrowRight');
    if (right !== here) {
      keys.right = right;
      keys.left = await press('ArrowLeft');
    }
  }
  keys.up = await press('ArrowUp');
  keys.down = await press('ArrowDown');
  await page.keyboard.press('Enter');
  keys.enter = await state(page);
  keys.tip = await page.innerText('#tip');
  keys.box = await page.evaluate(() => getComputedStyle(document.getElementById('hover')).display);
  await page.screenshot({ path: path.join(shots, 'flamegraph-keyboard.png') });
  await page.keyboard.press('Escape');
  keys.escape = await state(page);
  await page.keyboard.press('/');
  keys.slash = await page.evaluate(() => document.activeElement.id);
  seen.keys = keys;
}

// The callers and callees of the top finding's function.
async function sandwich(page) {
  await page.click('#findings button');
  await page.click('#view-sandwich');
  seen.sandwich = { state: await state(page), callers: await frame(page, 'callers'),
    callees: await frame(page, 'callees') };
  await page.screenshot({ path: path.join(shots, 'flamegraph-sandwich.png') });
  await page.click('#view-graph');
}

// The screenshot for the docs: the whole graph, the top finding selected and its frame's tooltip shown.
async function overview(page) {
  await page.click('#findings button');
  await page.click('#reset');
  await page.evaluate(() => window.scrollTo(0, 0));
  const culprit = await frame(page);
  await page.mouse.move(culprit.x + Math.min(culprit.w / 2, 60), culprit.y + culprit.h / 2);
  await page.waitForSelector('#tip', { state: 'visible' });
  await page.screenshot({ path: path.join(shots, 'flamegraph.png') });
  await page.mouse.move(5, 5);
}

// Elements a hostile function name could have created: the page has two scripts and none of the others; the SVG none.
async function injected(page) {
  return page.evaluate(() => {
    const svg = document.documentElement.nodeName === 'svg';
    const found = document.querySelectorAll('img, iframe, object, embed, foreignObject, script' + (svg ? '' : ', svg'));
    return found.length - (svg ? 0 : 2);
  });
}

async function frame(page, view) {
  return page.evaluate(([p, v]) => window.profgate.frame(p, v), [pattern, view]);
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
