// Browser tests: Debian's chromium driven by playwright-core, axe-core on every page visited.
// Usage: node tests/browser/run.mjs http://127.0.0.1:PORT
// Each test prints "ok - name" or "not ok - name" with the reason; the exit code is the failures.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { tests as accountTests } from './accounts.spec.mjs';
import { tests as orgaTests } from './orga.spec.mjs';
import { tests as shellTests } from './shell.spec.mjs';
import { tests as contentTests } from './content.spec.mjs';
import { tests as studentTests } from './students.spec.mjs';
import { tests as credentialTests } from './credentials.spec.mjs';
import { tests as usabilityAccountTests } from './usability_accounts.spec.mjs';
import { tests as importUsabilityTests } from './usability_import.spec.mjs';
import { tests as usabilityShellTests } from './usability_shell.spec.mjs';
import { tests as wordingTests } from './wording.spec.mjs';

// NUMERIA_BROWSER_ONLY=text runs only the tests whose name contains it.
const only = process.env.NUMERIA_BROWSER_ONLY || '';
const tests = [...shellTests, ...accountTests, ...orgaTests, ...contentTests, ...studentTests, ...credentialTests,
  ...usabilityAccountTests, ...importUsabilityTests, ...usabilityShellTests,
  ...wordingTests]
  .filter((test) => test.name.includes(only));

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/browser/run.mjs BASE_URL');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.join(here, 'screenshots');
fs.mkdirSync(screenshots, { recursive: true });

// Chromium as root on these machines (--no-sandbox), on a closed network (nothing fetched in the
// background); playwright rejects --user-data-dir here, hence a persistent context.
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function checkAccessibility(page, label) {
  // Every stylesheet loaded first: on a sheet still loading, axe-core's CSSOM reader copies it into
  // an inline <style> of a scratch document, which the page's CSP (style-src 'self') reports as a
  // console error that is axe's, not the page's.
  await page.waitForLoadState('load');
  // Every page is checked at the test's width and on a phone (360 px), then put back.
  const width = page.viewportSize();
  let count = 0;
  for (const viewport of [width, { width: 360, height: 740 }]) {
    if (viewport !== width) await page.setViewportSize(viewport);
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (blocking.length > 0) {
      const detail = blocking.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.setViewportSize(width);
      throw new Error(`axe-core on ${label} at ${viewport.width} px: ${detail.join('; ')}`);
    }
    count += results.violations.length;
  }
  await page.setViewportSize(width);
  return count;
}

let failures = 0;
for (const test of tests) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'numeria-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args, viewport: test.viewport || { width: 1280, height: 800 },
    // A test may run the browser in another language (e.g. to check pages stay French).
    ...(test.locale ? { locale: test.locale } : {}),
  });
  const page = context.pages()[0] || (await context.newPage());
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  try {
    await test.run({ page, base, screenshots, checkAccessibility });
    const allowed = test.allowedConsoleErrors || [];
    const unexpected = problems.filter((text) => !allowed.some((pattern) => pattern.test(text)));
    if (unexpected.length > 0) throw new Error(`console errors: ${unexpected.join(' | ')}`);
    console.log(`ok - ${test.name}`);
  } catch (error) {
    failures += 1;
    console.log(`not ok - ${test.name}\n  ${String(error.message).split('\n').join('\n  ')}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
console.log(`${tests.length - failures}/${tests.length} browser tests passed`);
process.exit(failures);
