// Opens a rendered pull-request comment (report.md as GitHub renders it, in a page of GitHub's comment width) in
// headless Chromium and prints, as one JSON object, every element that scrolls or overflows horizontally, with the
// <details> closed (as GitHub shows the comment) and open; saves a screenshot of each. CommentWidthTest asserts on it.
// Usage: node comment-check.mjs <chromium> <page.html> <screenshot dir> <screenshot name>
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [executable, file, shots, name] = process.argv.slice(2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const profile = mkdtempSync(path.join(tmpdir(), 'profgate-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: executable, headless: true, args: ARGS, viewport: { width: 1000, height: 900 },
});
const seen = { errors: [], requests: [] };
try {
  const page = await context.newPage();
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) seen.requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href);
  mkdirSync(shots, { recursive: true });
  seen.closed = await overflows(page);
  seen.width = await page.evaluate(() => document.querySelector('.markdown-body').clientWidth);
  seen.tables = await page.evaluate(() => document.querySelectorAll('.markdown-body table').length);
  await page.locator('.markdown-body').screenshot({ path: path.join(shots, `${name}.png`) });
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  seen.open = await overflows(page);
  seen.details = await page.evaluate(() => document.querySelectorAll('details[open]').length);
  await page.locator('.markdown-body').screenshot({ path: path.join(shots, `${name}-open.png`) });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(seen));

// Each visible element wider than its box ("scrolls") or reaching past the comment's right edge ("overflows").
async function overflows(page) {
  return page.evaluate(() => {
    const body = document.querySelector('.markdown-body');
    const right = body.getBoundingClientRect().right;
    const found = [];
    for (const element of body.querySelectorAll('*')) {
      if (element.offsetParent === null && element.tagName !== 'DETAILS') continue;
      const box = element.getBoundingClientRect();
      const scrolls = element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0;
      if (scrolls || box.right > right + 1) {
        found.push({ tag: element.tagName.toLowerCase(), text: element.textContent.slice(0, 60),
          scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, right: Math.round(box.right) });
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) {
      found.push({ tag: 'page', scrollWidth: document.documentElement.scrollWidth });
    }
    return found;
  });
}
