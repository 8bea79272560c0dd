// The bytes a first visit of a page transfers (docs/rules/web.md "Compressed assets", "DSFR
// bundle"): Debian's chromium with an empty cache loads the page at 1280 px and at 360 px; the sum
// of encodedDataLength over every response (what crossed the network, compressed) is printed with
// the number of responses. Usage: node tests/bench/first_visit.mjs BASE_URL [PATH]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, page_path = '/'] = process.argv.slice(2);
for (const width of [1280, 360]) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'numeria-visit-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width, height: 800 },
  });
  const page = context.pages()[0] || (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let responses = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; responses += 1; });
  await page.goto(base + page_path, { waitUntil: 'networkidle' });
  console.log(`first visit of ${page_path} at ${width} px: ${bytes} bytes in ${responses} responses`);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
