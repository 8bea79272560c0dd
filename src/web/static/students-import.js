// students-import.js: sends the chosen file to Orga, then follows the import until it ends
// (docs/rules/student-import.md "Import states": a progress banner that updates without a reload,
// and the history refreshed as the import moves on); a page opened while an import runs follows it
// too. Shows the file input in French whatever the browser's language. No framework.
const form = document.getElementById('formulaire-import');
const banner = document.getElementById('bandeau-import');
const title = document.getElementById('bandeau-titre');
const text = document.getElementById('bandeau-texte');
const errors = document.getElementById('bandeau-erreurs');
const confirmation = document.getElementById('bandeau-confirmation');
const end = document.getElementById('bandeau-fin');
const input = document.getElementById('fichier');
const chooser = document.getElementById('choix-fichier');
const chosen = document.getElementById('fichier-choisi');

// The browser words its file button in its own language: a French button and the chosen file's
// name are shown under the real input, which stays transparent on top of them (numeria.css).
function showChosen() {
  chosen.textContent = input.files.length > 0 ? input.files[0].name : 'Aucun fichier sélectionné';
}

// The history block as the server renders it now; on failure, a reload shows it.
async function refreshHistory() {
  try {
    const response = await fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.getElementById('historique');
    const current = document.getElementById('historique');
    if (fresh && current) current.replaceWith(document.adoptNode(fresh));
  } catch { /* the next reload shows the history */ }
}

// One refresh at a time, in order: an older answer never overwrites a newer one.
let refreshing = Promise.resolve();
function queueRefresh() {
  refreshing = refreshing.then(refreshHistory);
}

function show(kind, heading, message) {
  banner.hidden = false;
  banner.className = `fr-alert fr-alert--${kind} fr-mt-3w`;
  title.textContent = heading;
  text.textContent = message;
}

function listErrors(list, total) {
  errors.replaceChildren();
  for (const error of list || []) {
    const item = document.createElement('li');
    const where = [error.ine ? `INE ${error.ine}` : '', error.line ? `ligne ${error.line}` : ''].filter(Boolean).join(', ');
    item.textContent = where ? `${where} : ${error.message}` : error.message;
    errors.append(item);
  }
  const shown = (list || []).length;
  if (total > shown) {
    const item = document.createElement('li');
    item.textContent = `… et ${total - shown} autre(s) erreur(s) : seules les ${shown} premières sont affichées.`;
    errors.append(item);
  }
}

function counts(outcome) {
  return `${outcome.imported ?? 0} élève(s) ajouté(s), ${outcome.updated ?? 0} mis à jour, `
    + `${outcome.disabled ?? 0} désactivé(s), ${outcome.skipped ?? 0} ignoré(s) (sortis, sans INE ou sans classe).`;
}

async function post(url) {
  return fetch(url, { method: 'POST', headers: { 'X-CSRF-Token': form.dataset.csrf }, credentials: 'same-origin' });
}

async function follow(stateUrl) {
  let seen = '';
  for (;;) {
    const response = await fetch(stateUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      show('error', 'Suivi impossible', 'Impossible de suivre l\'import : rechargez la page pour voir l\'historique.');
      return;
    }
    const state = await response.json();
    const step = `${state.state}/${state.confirmation_required}`;
    if (step !== seen) {
      seen = step;
      queueRefresh();
    }
    const outcome = state.outcome || {};
    confirmation.hidden = true;
    if (state.state === 'IMPORTED') {
      // Notices: pupils imported anyway, with what the school should know (e.g. no account inherited).
      const notices = outcome.notices || [];
      const total = outcome.notice_count ?? notices.length;
      show(total ? 'warning' : 'success', 'Import terminé',
        counts(outcome) + (total ? ` À savoir pour ${total} élève(s) :` : ''));
      listErrors(total > notices.length
        ? [...notices, { message: `… et ${total - notices.length} autre(s) élève(s) dans le même cas.` }]
        : notices);
      end.hidden = false;
      return;
    }
    if (state.state === 'VALIDATION_ERROR' || state.state === 'IMPORT_ERROR') {
      show('error', 'Aucun élève n\'a été importé',
        'Le fichier a été refusé. Corrigez votre base élèves ou le fichier, puis importez-le à nouveau.');
      listErrors(outcome.errors, outcome.error_count);
      return;
    }
    if (state.state === 'CANCELLED') {
      show('info', 'Import annulé', 'Aucun élève n\'a été modifié.');
      return;
    }
    if (state.confirmation_required) {
      show('warning', 'Confirmation nécessaire', `${outcome.disabled} élève(s) sur ${outcome.active_before} seraient désactivés.`);
      confirmation.hidden = false;
      document.getElementById('bouton-confirmer-import').onclick = async () => {
        confirmation.hidden = true;
        show('info', 'Import en cours', 'Import confirmé, application en cours…');
        await post(`${stateUrl}/confirmer`);
        follow(stateUrl);
      };
      document.getElementById('bouton-annuler-import').onclick = async () => {
        await post(`${stateUrl}/annuler`);
        follow(stateUrl);
      };
      return;
    }
    show('info', 'Import en cours', `${state.label}…`);
    await new Promise((resolve) => { setTimeout(resolve, 400); });
  }
}

chooser.classList.add('numeria-upload--francais');
input.setAttribute('aria-describedby', 'fichier-choisi');
input.addEventListener('change', showChosen);
showChosen();

// Rule: docs/rules/student-import.md "Import states": a page opened while an import runs follows it.
if (form.dataset.suivi) follow(form.dataset.suivi);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = input.files[0];
  end.hidden = true;
  listErrors([]);
  if (!file) {
    show('error', 'Aucun fichier', 'Choisissez le fichier à importer.');
    return;
  }
  if (file.size > Number(form.dataset.maxBytes)) {
    show('error', 'Fichier trop volumineux', 'Le fichier dépasse la taille maximale de 20 Mo : rien n\'a été importé.');
    return;
  }
  show('info', 'Import en cours', 'Envoi du fichier…');
  const format = document.getElementById('format').value;
  let response;
  try {
    response = await fetch(`${form.dataset.base}/imports?format=${encodeURIComponent(format)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-CSRF-Token': form.dataset.csrf,
        'X-File-Name': encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    show('error', 'Envoi impossible', 'Le fichier n\'a pas pu être envoyé : vérifiez votre connexion et réessayez.');
    return;
  }
  if (!response.ok) {
    let message = 'Le fichier a été refusé.';
    try { message = (await response.json()).error.message; } catch { /* an HTML error page */ }
    if (response.status === 413) message = 'Le fichier dépasse la taille maximale de 20 Mo : rien n\'a été importé.';
    show('error', 'Aucun élève n\'a été importé', message);
    return;
  }
  const created = await response.json();
  follow(created.state_url);
});
