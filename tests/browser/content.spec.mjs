// The content preview of the Admin space in the browser (issue 4 item 8): a national administrator
// browses areas → competences → tubes → skills → challenges, answers challenges as a student would
// and reads the verdict; every page is checked with axe-core. Needs the server started with --demo.
import assert from 'node:assert/strict';
import path from 'node:path';

export const tests = [
  {
    name: 'content preview: browse, answer a QCU and a QROCM-ind, see an illustration',
    async run({ page, base, screenshots, checkAccessibility }) {
      await page.goto(`${base}/connexion`);
      await page.fill('#identifiant', 'admin@demo.numeria.localhost');
      await page.fill('#mot_de_passe', 'AdminNationale2026');
      await page.click('#bouton-connexion');
      await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));

      await page.click('#lien-admin');
      await page.click('#lien-admin-contenu');
      await page.waitForURL(`${base}/admin/contenu`);
      assert.equal(await page.locator('[id^="lien-competence-"]').count(), 16);
      await checkAccessibility(page, '/admin/contenu');

      await page.click('#lien-competence-4\\.3');
      await page.waitForURL(`${base}/admin/contenu/competences/4.3`);
      await checkAccessibility(page, '/admin/contenu/competences/4.3');

      await page.click('a[href="/admin/contenu/epreuves/4.3-tempsEcran1-a"]');
      await page.waitForURL(/epreuves\/4\.3-tempsEcran1-a$/);
      await checkAccessibility(page, 'aperçu d’une épreuve QCU');
      await page.check('#proposition-2', { force: true });
      await page.click('#bouton-valider');
      assert.match(await page.textContent('#verdict'), /Mauvaise réponse/);
      await page.check('#proposition-1', { force: true });
      await page.click('#bouton-valider');
      assert.match(await page.textContent('#verdict'), /Bonne réponse/);
      await checkAccessibility(page, 'verdict d’une épreuve QCU');
      await page.screenshot({ path: path.join(screenshots, 'apercu-epreuve-qcu.png'), fullPage: true });

      await page.goto(`${base}/admin/contenu/epreuves/4.3-tempsEcran4-a`);
      await page.fill('#champ-total', '14');
      await page.fill('#champ-moyenne', '5');
      await page.click('#bouton-valider');
      assert.match(await page.textContent('#verdict'), /Mauvaise réponse/);
      assert.match(await page.textContent('#formulaire-reponse'), /Champ juste[\s\S]*Champ faux/);
      await checkAccessibility(page, 'verdict par champ d’une épreuve QROCM-ind');

      await page.goto(`${base}/admin/contenu/epreuves/1.2-arborescenceDossiers2-a`);
      const illustration = page.locator('#apercu-epreuve img');
      assert.ok((await illustration.getAttribute('alt')).length > 20);
      assert.ok(await illustration.evaluate((img) => img.complete && img.naturalWidth > 0), 'illustration loads');
      await checkAccessibility(page, 'aperçu d’une épreuve illustrée');
    },
  },
];
