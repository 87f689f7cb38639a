'use strict';
// insight code review: one comment at a time, codes by keyboard, every decision saved at once.
(function () {
  const KEYS = '1234567890qwertyuiopadfghjklzxcvbnm';
  const state = { codes: [], byKey: new Map(), current: null, chosen: new Set(), busy: false };
  const tab = sessionStorage.getItem('insight-tab') || randomId();
  sessionStorage.setItem('insight-tab', tab);
  const $ = (id) => document.getElementById(id);

  function randomId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    };
    const response = await fetch(path, options);
    const data = await response.json();
    if (!response.ok) {
      throw new Error(data.error || response.statusText);
    }
    return data;
  }

  function status(text, error) {
    $('status').textContent = text;
    $('status').className = error ? 'error' : '';
  }

  function renderFrame(frame) {
    $('frame-name').textContent = frame.name + ' ' + frame.version;
    const list = $('codes');
    let k = 0;
    for (const code of frame.codes) {
      const item = document.createElement('li');
      item.dataset.code = code.id;
      if (code.codable) {
        const key = k < KEYS.length ? KEYS[k++] : '';
        if (key) {
          state.byKey.set(key, code.id);
        }
        const badge = document.createElement('span');
        badge.className = 'key';
        badge.textContent = key;
        item.appendChild(badge);
        item.addEventListener('click', () => toggle(code.id));
        state.codes.push(code.id);
      } else {
        item.className = 'net';
      }
      item.appendChild(document.createTextNode(code.label));
      if (code.description) {
        const d = document.createElement('span');
        d.className = 'description';
        d.textContent = code.description;
        item.appendChild(d);
      }
      if (code.examples.length) {
        const e = document.createElement('span');
        e.className = 'examples';
        e.textContent = 'e.g. ' + code.examples.join('; ');
        item.appendChild(e);
      }
      list.appendChild(item);
    }
  }

  function renderProgress(p) {
    const people = Object.entries(p.byPerson).map(([who, n]) => who + ' ' + n).join(', ');
    $('progress').textContent = 'Coded by people: ' + p.byPeople + (people ? ' (' + people + ')' : '')
      + ' · by the model at precision ' + p.precision + ': ' + p.byModel
      + ' · remaining: ' + p.remaining + ' of ' + p.total
      + (p.training ? ' · model training...' : (p.modelTrainedOn ? ' · model trained on ' + p.modelTrainedOn : ''));
  }

  function renderChoice() {
    for (const item of $('codes').children) {
      item.classList.toggle('chosen', state.chosen.has(item.dataset.code));
    }
    const codes = Array.from(state.chosen);
    $('chosen').dataset.codes = codes.join(';');
    $('chosen').textContent = codes.length ? 'Chosen: ' + codes.join(', ') : 'No code chosen';
  }

  function toggle(code) {
    if (state.chosen.has(code)) {
      state.chosen.delete(code);
    } else {
      state.chosen.add(code);
    }
    renderChoice();
  }

  async function next() {
    const data = await api('/api/next?tab=' + encodeURIComponent(tab));
    renderProgress(data.progress);
    state.current = data.done ? null : data;
    state.chosen = new Set();
    for (const item of $('codes').children) {
      item.classList.remove('suggested');
    }
    if (data.done) {
      $('comment').textContent = 'Every comment is coded.';
      $('comment').dataset.id = '';
      $('context').textContent = '';
      $('suggestion').textContent = '';
      renderChoice();
      return;
    }
    $('comment').textContent = data.text;
    $('comment').dataset.id = data.id;
    $('context').textContent = data.context ? 'Answering: ' + data.context : '';
    if (data.suggestion) {
      for (const code of data.suggestion.codes) {
        state.chosen.add(code);
      }
      for (const item of $('codes').children) {
        item.classList.toggle('suggested', data.suggestion.codes.includes(item.dataset.code));
      }
      const parts = data.suggestion.codes.map((c) => c + ' ' + Math.round(100 * data.suggestion.probabilities[c]) + '%');
      $('suggestion').textContent = 'The model suggests ' + (parts.length ? parts.join(', ') : 'no code')
        + ' (confidence ' + Math.round(100 * data.suggestion.confidence) + '%): accept with Enter or correct it.';
    } else {
      $('suggestion').textContent = 'The model makes suggestions once enough comments are coded.';
    }
    renderChoice();
  }

  async function save() {
    if (!state.current || state.busy) {
      return;
    }
    const coder = $('coder').value.trim();
    if (!coder) {
      status('Type your name first: it is recorded with each code.', true);
      $('coder').focus();
      return;
    }
    localStorage.setItem('insight-coder', coder);
    state.busy = true;
    try {
      const codes = Array.from(state.chosen);
      const saved = await api('/api/code', { id: state.current.id, codes: codes, coder: coder });
      status('Saved ' + saved.id + ': ' + (saved.codes.length ? saved.codes.join(', ') : 'no code'));
      await next();
    } catch (e) {
      status('Not saved: ' + e.message, true);
    } finally {
      state.busy = false;
    }
  }

  async function skip() {
    if (!state.current || state.busy) {
      return;
    }
    state.busy = true;
    try {
      await api('/api/skip?tab=' + encodeURIComponent(tab), { id: state.current.id });
      status('Skipped ' + state.current.id + ': it comes back at the end.');
      await next();
    } catch (e) {
      status(e.message, true);
    } finally {
      state.busy = false;
    }
  }

  document.addEventListener('keydown', (event) => {
    if (event.target === $('coder')) {
      if (event.key === 'Enter') {
        $('coder').blur();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      skip();
    } else if (state.byKey.has(event.key.toLowerCase())) {
      toggle(state.byKey.get(event.key.toLowerCase()));
    }
  });

  async function start() {
    $('coder').value = localStorage.getItem('insight-coder') || '';
    $('save').addEventListener('click', save);
    $('skip').addEventListener('click', skip);
    try {
      renderFrame(await api('/api/codeframe'));
      await next();
    } catch (e) {
      status(e.message, true);
    }
  }

  start();
})();
