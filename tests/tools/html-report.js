// Opens a `trailsift unused --format html` report in headless chromium (Debian's package, driven by playwright-core),
// takes a full-page screenshot and prints what the page shows as one JSON object on stdout.
// Usage: node tests/tools/html-report.js REPORT.html SCREENSHOT.png [CHROMIUM]
// Any request the page makes to something other than the report file itself is listed in "requests".
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

async function main() {
  const [report, screenshot, executable] = process.argv.slice(2);
  if (!report || !screenshot) {
    throw new Error('usage: html-report.js REPORT.html SCREENSHOT.png [CHROMIUM]');
  }

  const url = pathToFileURL(path.resolve(report)).href;
  const browser = await chromium.launch({
    executablePath: executable || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = [];
    const errors = [];
    page.on('request', r => { if (r.url() !== url) requests.push(r.url()); });
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', e => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    const shown = await page.evaluate(() => {
      const box = e => { const r = e.getBoundingClientRect(); return { width: Math.round(r.width), height: Math.round(r.height) }; };
      return {
        title: document.title,
        heading: document.querySelector('h1')?.textContent ?? null,
        principals: [...document.querySelectorAll('section.principal')].map(s => ({
          arn: s.dataset.principal,
          heading: s.querySelector('h2')?.textContent ?? null,
          summary: s.querySelector('p.summary')?.innerText ?? null,
          replay: s.querySelector('p.replay')?.innerText ?? null,
          chart: box(s.querySelector('figure.chart svg') ?? document.createElement('i')),
          bars: [...s.querySelectorAll('figure.chart rect')].filter(r => r.getBoundingClientRect().width > 0).length,
          services: [...s.querySelectorAll('figure.chart g.service')].map(g => g.dataset.service),
          grants: s.querySelectorAll('table.grants tbody tr').length,
          diffRemoved: s.querySelectorAll('pre.diff .del').length,
          diffAdded: s.querySelectorAll('pre.diff .add').length,
        })),
        scripts: document.scripts.length,
        bodyHeight: document.body.scrollHeight,
      };
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    process.stdout.write(JSON.stringify({ ...shown, requests, errors }) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch(e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
