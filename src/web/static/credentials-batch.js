// credentials-batch.js: follows a class's credentials batch while its job runs (the page works
// without it: "Actualiser la page"). Asks the batch's state every second, updates the text (read by
// screen readers: role=status) and the bar, and reloads the page once the batch is done.
const box = document.getElementById('progression-lot');
if (box) {
  const text = document.getElementById('texte-progression');
  const bar = document.getElementById('barre-progression');
  const poll = async () => {
    try {
      const answer = await fetch(box.dataset.etat, { headers: { Accept: 'application/json' } });
      if (answer.ok) {
        const state = await answer.json();
        if (state.state !== 'RUNNING') {
          window.location.reload();
          return;
        }
        const percent = state.total === 0 ? 100 : Math.floor((state.done * 100) / state.total);
        text.textContent = `Génération en cours : ${state.done} élève(s) sur ${state.total}.`;
        bar.value = percent;
        bar.textContent = `${percent} %`;
      }
    } catch (error) {
      // A lost connection: try again at the next tick.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
}
