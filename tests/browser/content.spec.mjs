// The content preview of the Admin space in the browser: a national administrator
// browses areas → competences → tubes → skills → challenges, answers challenges of every type as a
// student would and reads the verdict; every page is checked with axe-core, and must have no
// violation at all, whatever its impact ("axe-clean"). Needs the server started with --demo.
//
// Content writers change the bank: the challenges are picked from content/competences/*.yaml at
// test time (read by python3-yaml), by what they are, never by a hard-coded id.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function readBank() {
  const script = [
    'import glob, json, sys, yaml',
    'out = []',
    'for name in sorted(glob.glob(sys.argv[1] + "/content/competences/*.yaml")):',
    '    with open(name, encoding="utf-8") as handle:',
    '        document = yaml.safe_load(handle)',
    '    for tube in document["tubes"]:',
    '        for skill in tube["skills"]:',
    '            for challenge in skill["challenges"]:',
    '                challenge["competence"] = document["competence"]',
    '                out.append(challenge)',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, root], { encoding: 'utf-8' }));
}

function pick(bank, description, predicate) {
  const found = bank.find(predicate);
  assert.ok(found, `the bank has no ${description}`);
  return found;
}

const variants = (solution) => (Array.isArray(solution) ? solution : [solution]).map(String);

// A page of the preview must have no axe violation of any impact (run.mjs only fails on serious and
// critical ones; it returns the count of all).
async function axeClean(checkAccessibility, page, label) {
  const violations = await checkAccessibility(page, label);
  assert.equal(violations, 0, `axe-core on ${label}: ${violations} violation(s) of minor or moderate impact`);
}

async function logIn(page, base) {
  await page.goto(`${base}/connexion`);
  await page.fill('#identifiant', 'admin@demo.numeria.localhost');
  await page.fill('#mot_de_passe', 'AdminNationale2026');
  await page.click('#bouton-connexion');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

async function verdict(page) {
  return page.textContent('#verdict');
}

export const tests = [
  {
    name: 'content preview: browse, answer a QCU and a QROCM-ind, see an illustration',
    async run({ page, base, screenshots, checkAccessibility }) {
      const bank = readBank();
      const qcu = pick(bank, 'QCU', (c) => c.type === 'QCU' && !c.illustration);
      const ind = pick(bank, 'QROCM-ind of two fields', (c) => c.type === 'QROCM-ind' && c.fields.length >= 2);
      const illustrated = pick(bank, 'illustrated challenge', (c) => c.illustration);
      await logIn(page, base);

      await page.click('#lien-admin');
      await page.click('#lien-admin-contenu');
      await page.waitForURL(`${base}/admin/contenu`);
      assert.equal(await page.locator('[id^="lien-competence-"]').count(), 16);
      await axeClean(checkAccessibility, page, '/admin/contenu');

      const competence = qcu.competence.replace('.', '\\.');
      await page.click(`#lien-competence-${competence}`);
      await page.waitForURL(`${base}/admin/contenu/competences/${qcu.competence}`);
      await axeClean(checkAccessibility, page, `/admin/contenu/competences/${qcu.competence}`);

      await page.click(`a[href="/admin/contenu/epreuves/${qcu.id}"]`);
      await page.waitForURL((url) => url.pathname === `/admin/contenu/epreuves/${qcu.id}`);
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve QCU');
      const wrong = qcu.solution === 1 ? 2 : 1;
      await page.check(`#proposition-${wrong}`, { force: true });
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Mauvaise réponse/);
      await page.check(`#proposition-${qcu.solution}`, { force: true });
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Bonne réponse/);
      await axeClean(checkAccessibility, page, 'verdict d’une épreuve QCU');
      await page.screenshot({ path: path.join(screenshots, 'apercu-epreuve-qcu.png'), fullPage: true });

      await page.goto(`${base}/admin/contenu/epreuves/${ind.id}`);
      const [right, bad] = ind.fields;
      await page.fill(`#champ-${right.key}`, variants(ind.solution[right.key])[0]);
      for (const field of ind.fields.slice(1)) await page.fill(`#champ-${field.key}`, 'xqzwxqzwxqzw');
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Mauvaise réponse/);
      assert.match(await page.textContent(`.fr-input-group:has(#champ-${right.key})`), /Champ juste/);
      assert.match(await page.textContent(`.fr-input-group:has(#champ-${bad.key})`), /Champ faux/);
      await axeClean(checkAccessibility, page, 'verdict par champ d’une épreuve QROCM-ind');

      await page.goto(`${base}/admin/contenu/epreuves/${illustrated.id}`);
      const illustration = page.locator('#apercu-epreuve img');
      assert.equal(await illustration.getAttribute('alt'), illustrated.illustration.alt);
      assert.ok(await illustration.evaluate((img) => img.complete && img.naturalWidth > 0), 'illustration loads');
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve illustrée');
    },
  },
  {
    name: 'content preview: a QCM, a QROC with its unit, a QROCM-dep, skipping and validating nothing',
    // "Je valide" without an answer is refused with 422, which chromium logs as a failed resource.
    allowedConsoleErrors: [/status of 422 \(Unprocessable Entity\)/],
    async run({ page, base, screenshots, checkAccessibility }) {
      const bank = readBank();
      const qcm = pick(bank, 'QCM', (c) => c.type === 'QCM' && c.solution.length < c.proposals.length);
      const qroc = bank.find((c) => c.type === 'QROC' && c.input && c.input.suffix)
        || pick(bank, 'QROC', (c) => c.type === 'QROC');
      const dep = pick(bank, 'QROCM-dep of two fields', (c) => c.type === 'QROCM-dep' && c.fields.length >= 2);
      await logIn(page, base);

      await page.goto(`${base}/admin/contenu/epreuves/${qcm.id}`);
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve QCM');
      await page.click('#bouton-valider');
      assert.match(await page.textContent('#reponse-manquante'),
        /Pour valider, sélectionnez au moins une réponse\. Sinon, passez la question avec « Je passe »\./);
      assert.equal(await page.locator('#verdict').count(), 0);
      await axeClean(checkAccessibility, page, 'QCM validé sans réponse');
      for (const index of qcm.solution) await page.check(`#proposition-${index}`, { force: true });
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Bonne réponse/);
      await axeClean(checkAccessibility, page, 'verdict d’une épreuve QCM');

      await page.goto(`${base}/admin/contenu/epreuves/${qroc.id}`);
      if (qroc.input && qroc.input.suffix) {
        const suffix = page.locator('.fr-input-wrap--addon #reponse + .numeria-input-suffix');
        assert.equal((await suffix.textContent()).trim(), qroc.input.suffix);
        const input = await page.locator('#reponse').boundingBox();
        const unit = await suffix.boundingBox();
        assert.ok(unit.x >= input.x + input.width - 1 && Math.abs(unit.y - input.y) < 4, 'the unit follows the input');
      }
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve QROC');
      await page.click('#bouton-valider');
      assert.match(await page.textContent('#reponse-manquante'), /Pour valider, saisissez une réponse\./);
      await page.click('#bouton-passer');
      assert.match(await verdict(page), /Question passée \(« Je passe »\) : ni juste ni fausse/);
      await axeClean(checkAccessibility, page, 'épreuve QROC passée');
      await page.fill('#reponse', variants(qroc.solution)[0]);
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Bonne réponse/);
      await page.screenshot({ path: path.join(screenshots, 'apercu-epreuve-qroc.png'), fullPage: true });

      await page.goto(`${base}/admin/contenu/epreuves/${dep.id}`);
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve QROCM-dep');
      // Order-free: the first groups' first variants, typed in reverse order.
      const answers = dep.solution.slice(0, dep.fields.length).map((group) => variants(group)[0]).reverse();
      for (const [i, field] of dep.fields.entries()) await page.fill(`#champ-${field.key}`, answers[i]);
      await page.click('#bouton-valider');
      assert.match(await verdict(page), /Bonne réponse/);
      await axeClean(checkAccessibility, page, 'verdict d’une épreuve QROCM-dep');
    },
  },
  {
    name: 'content preview: an attachment to download, a code block, a target profile',
    async run({ page, base, checkAccessibility }) {
      const bank = readBank();
      const attached = pick(bank, 'challenge with an attachment', (c) => c.attachment);
      const fence = /```[^\n]*\n([\s\S]*?)```/;
      const coded = bank.find((c) => /\n[ \t]+\S/.test((fence.exec(c.statement) || [])[1] || ''))
        || bank.find((c) => fence.test(c.statement));
      await logIn(page, base);

      await page.goto(`${base}/admin/contenu/epreuves/${attached.id}`);
      const link = page.locator('#apercu-epreuve a[download]');
      assert.match(await link.textContent(), new RegExp(`Télécharger la pièce jointe : ${attached.attachment.title}`));
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(path.extname(download.suggestedFilename()), path.extname(attached.attachment.file));
      assert.equal(await download.failure(), null);
      await axeClean(checkAccessibility, page, 'aperçu d’une épreuve avec pièce jointe');

      // A fenced code block keeps its indentation in a monospace font on a DSFR grey background;
      // until a statement has one, the stylesheet is checked on a block written like cmark's.
      let code = 'for i in range(3):\n    print(i)\n';
      if (coded) {
        code = fence.exec(coded.statement)[1];
        await page.goto(`${base}/admin/contenu/epreuves/${coded.id}`);
      } else {
        await page.evaluate((text) => {
          const pre = document.createElement('pre');
          pre.append(document.createElement('code'));
          pre.firstChild.textContent = text;
          document.querySelector('.numeria-statement').append(pre);
        }, code);
      }
      const style = await page.locator('.numeria-statement pre').first().evaluate((pre) => {
        const computed = getComputedStyle(pre);
        return { whiteSpace: computed.whiteSpace, background: computed.backgroundColor,
          font: getComputedStyle(pre.querySelector('code')).fontFamily, text: pre.textContent };
      });
      assert.equal(style.whiteSpace, 'pre-wrap');
      assert.match(style.font, /monospace/);
      assert.notEqual(style.background, 'rgba(0, 0, 0, 0)');
      assert.equal(style.text, code, 'the code block keeps its lines and indentation');
      await axeClean(checkAccessibility, page, 'bloc de code d’un énoncé');

      await page.goto(`${base}/admin/contenu`);
      await page.click('a[href="/admin/contenu/parcours/sos-certificabilite"]');
      await page.waitForURL(`${base}/admin/contenu/parcours/sos-certificabilite`);
      assert.match(await page.textContent('h1'), /SOS certificabilité/);
      assert.ok(await page.locator('table').first().locator('tbody tr').count() >= 5);
      await axeClean(checkAccessibility, page, 'page d’un parcours');
    },
  },
];
