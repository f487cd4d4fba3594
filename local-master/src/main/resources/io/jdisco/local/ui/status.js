// jdisco master status pages: the jobs page (/) and a job's page (/job/<name>).
// Everything shown comes from the master's JSON API (module README, "HTTP API"). Text from jobs
// (names, events, errors, URLs) is only ever inserted as text (textContent), never as HTML.
'use strict';
(function () {
  const REFRESH_MS = 1500;
  const EVENTS_FIRST_BYTES = 4 * 1024 * 1024; // the first load shows at most the log's last 4 MiB
  const MAX_EVENT_ROWS = 5000;
  const TASK_EVENT = /^([A-Z]+): \[([^:\]]+):(\d+)\] /;

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  async function getJson(url) {
    const r = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!r.ok) throw Object.assign(new Error(await failure(r)), { status: r.status });
    return r.json();
  }

  async function failure(r) {
    let text = await r.text();
    try { text = JSON.parse(text); } catch (e) { /* not JSON: as sent */ }
    return 'the master answered ' + r.status + ': ' + text;
  }

  /** POSTs a job name to a control operation, as the command line does (kill_job, purge_job). */
  async function control(op, name) {
    const r = await fetch('/disco/ctrl/' + op, {
      method: 'POST', cache: 'no-store', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(name),
    });
    if (!r.ok) throw new Error(await failure(r));
  }

  function showError(err) {
    const p = document.getElementById('error');
    p.textContent = err ? String(err.message || err) : '';
    p.hidden = !err;
  }

  function pad(n) { return String(n).padStart(2, '0'); }

  function when(ms) {
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
      + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function duration(ms) {
    if (ms < 0) ms = 0;
    if (ms < 10000) return (ms / 1000).toFixed(1) + ' s';
    const s = Math.round(ms / 1000);
    if (s < 3600) return Math.floor(s / 60) + ' min ' + pad(s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + pad(Math.floor(s / 60) % 60) + ' min';
  }

  function ran(job, now) { return duration((job.ended === null ? now : job.ended) - job.submitted); }

  function statusBadge(status) { return el('span', { class: 'status status-' + status, text: status }); }

  /** One stage's bar: "map [=====] 3/4", its state in the text as well as the colour. */
  function stageBar(s, jobStatus, named) {
    const total = Math.max(s.tasks, s.done);
    const complete = total > 0 && s.done >= total;
    const failed = !complete && jobStatus === 'dead';
    const bar = el('progress', { max: String(Math.max(total, 1)), value: String(s.done) });
    bar.setAttribute('aria-label', s.stage + ': ' + s.done + ' of ' + total + ' tasks done');
    bar.textContent = s.done + '/' + total;
    const cls = 'stage' + (complete ? ' stage-done' : failed ? ' stage-failed' : '');
    let count = s.done + '/' + total + (complete ? ' done' : '');
    if (total === 0) count = jobStatus === 'active' ? 'not started' : 'not run';
    if (s.running > 0) count += ', ' + s.running + ' running';
    const parts = [bar, el('span', { class: 'count', text: count })];
    if (named) parts.unshift(el('span', { text: s.stage }));
    return el('div', { class: cls }, ...parts);
  }

  function cell(label, ...children) { return el('td', { 'data-label': label }, ...children); }

  function refreshNote(on) {
    document.getElementById('refreshing').textContent = on
      ? 'Refreshing every ' + (REFRESH_MS / 1000) + ' s' : 'Not refreshing: no job is active';
  }

  // ---- The jobs page --------------------------------------------------------------------
  function jobsPage() {
    const filter = document.getElementById('filter');
    const tbody = document.querySelector('#jobs tbody');
    let timer = null;

    function applyFilter() {
      const q = filter.value.trim().toLowerCase();
      let shown = 0;
      for (const row of tbody.rows) {
        row.hidden = q !== '' && !row.dataset.name.toLowerCase().includes(q);
        if (!row.hidden) shown++;
      }
      document.getElementById('none').hidden = shown > 0 || tbody.rows.length === 0;
    }

    function render(list) {
      const rows = document.createDocumentFragment();
      let active = 0;
      for (const job of list.jobs) {
        if (job.status === 'active') active++;
        const link = el('a', { href: '/job/' + encodeURIComponent(job.name), text: job.name });
        const row = el('tr', {},
          cell('Name', link), cell('Status', statusBadge(job.status)), cell('Started', when(job.submitted)),
          cell('Duration', ran(job, list.now)),
          cell('Stages', el('div', { class: 'stages' }, ...job.stages.map(s => stageBar(s, job.status, true)))));
        row.firstChild.className = 'name';
        row.dataset.name = job.name;
        row.dataset.status = job.status;
        rows.append(row);
      }
      tbody.replaceChildren(rows);
      applyFilter();
      const shown = list.jobs.length < list.total ? ' (the newest ' + list.jobs.length + ' shown)' : '';
      document.getElementById('summary').textContent =
        list.total + (list.total === 1 ? ' job' : ' jobs') + ', ' + active + ' active' + shown + '.';
      return active;
    }

    async function refresh() {
      clearTimeout(timer);
      try {
        const active = render(await getJson('/disco/ctrl/joblist_detail'));
        showError(null);
        refreshNote(active > 0);
        if (active > 0) timer = setTimeout(refresh, REFRESH_MS);
      } catch (err) {
        showError(err);
        timer = setTimeout(refresh, REFRESH_MS * 2);
      }
      if (!document.body.dataset.renderedMs) document.body.dataset.renderedMs = String(Math.round(performance.now()));
      document.body.dataset.loaded = 'true';
    }

    filter.addEventListener('input', applyFilter);
    document.getElementById('refresh').addEventListener('click', refresh);
    refresh();
  }

  // ---- A job's page ---------------------------------------------------------------------
  function jobPage() {
    const name = decodeURIComponent(location.pathname.substring('/job/'.length));
    const q = encodeURIComponent(name);
    const events = document.querySelector('#events tbody');
    const taskSelect = document.getElementById('task');
    const text = document.getElementById('text');
    const tasks = new Set();
    let offset = null; // the next byte of the event log to read
    let countersSeen = true; // fetch the counters once at the start
    let failures = 0;
    let timer = null;

    document.title = name + ' · jdisco master';
    document.getElementById('name').textContent = name;

    function rowShown(row) {
      const t = taskSelect.value;
      const s = text.value.trim().toLowerCase();
      return (t === '' || row.dataset.task === t) && (s === '' || row.dataset.text.includes(s));
    }

    function applyFilter() { for (const row of events.rows) row.hidden = !rowShown(row); }

    function addTask(task) {
      if (tasks.has(task)) return;
      tasks.add(task);
      const options = [...taskSelect.options].slice(2);
      const before = options.find(o => o.value.localeCompare(task, undefined, { numeric: true }) > 0);
      taskSelect.insertBefore(el('option', { value: task, text: task }), before || null);
    }

    function addFailure(time, task, message) {
      const firstLine = message.split('\n')[0];
      const body = message.length > firstLine.length
        ? el('details', {}, el('summary', { text: firstLine }), el('pre', { text: message }))
        : el('pre', { text: message });
      document.getElementById('failures').append(el('li', {}, el('strong', { text: task }), ' at ' + time, body));
      document.getElementById('failures-section').hidden = false;
      failures++;
    }

    function addEvents(records) {
      const rows = document.createDocumentFragment();
      for (const [time, host, message] of records) {
        const m = TASK_EVENT.exec(message);
        const task = m ? m[2] + ':' + m[3] : (host === 'master' ? 'master' : '');
        const type = m ? m[1] : message.split(':')[0];
        if (m) addTask(task);
        if (message.includes('jdisco-counters ')) countersSeen = true;
        const row = el('tr', {}, el('td', { text: time }), el('td', { text: host }), el('td', { text: message }));
        if (type === 'ERROR' || type === 'FATAL' || (host === 'master' && message.startsWith('Job dead'))) {
          row.className = 'ev-error';
          if (m) addFailure(time, task, message.substring(m[0].length));
        } else if (type === 'WARNING') {
          row.className = 'ev-warning';
        }
        row.dataset.task = task;
        row.dataset.text = message.toLowerCase();
        row.hidden = !rowShown(row);
        rows.append(row);
      }
      events.append(rows);
      while (events.rows.length > MAX_EVENT_ROWS) events.deleteRow(0);
    }

    /** The log's new whole lines, from rawevents with a Range from where the last read ended. */
    async function readEvents() {
      const range = offset === null ? 'bytes=-' + EVENTS_FIRST_BYTES : 'bytes=' + offset + '-';
      const r = await fetch('/disco/ctrl/rawevents?name=' + q, { cache: 'no-store', headers: { Range: range } });
      if (r.status === 416) return;
      if (!r.ok) throw new Error(await failure(r));
      let bytes = new Uint8Array(await r.arrayBuffer());
      const span = /bytes (\d+)-(\d+)\/(\d+)/.exec(r.headers.get('Content-Range') || '');
      let from = 0;
      let end = bytes.length;
      if (r.status === 206 && span) {
        from = Number(span[1]);
        end = Number(span[2]) + 1;
      } else if (offset !== null) {
        bytes = bytes.subarray(offset); // the whole log came: the part already shown is skipped
      }
      if (offset === null && from > 0) {
        bytes = bytes.subarray(bytes.indexOf(10) + 1); // a partial first line
        const note = document.getElementById('events-note');
        note.textContent = 'Only the last ' + (EVENTS_FIRST_BYTES >> 20) + ' MiB of the log are shown.';
        note.hidden = false;
      }
      offset = end;
      const records = [];
      for (const line of new TextDecoder().decode(bytes).split('\n')) {
        if (line === '') continue;
        try {
          const e = JSON.parse(line);
          if (Array.isArray(e) && e.length === 3) records.push(e.map(String));
        } catch (err) { /* a damaged line: skipped, as jobevents does */ }
      }
      addEvents(records);
    }

    async function readCounters() {
      const c = await getJson('/disco/ctrl/counters?name=' + q);
      const names = Object.keys(c.totals);
      const rows = names.map(n => el('tr', {}, el('th', { scope: 'row', text: n }),
        el('td', { class: 'num', text: Number(c.totals[n]).toLocaleString('en') })));
      document.querySelector('#counters tbody').replaceChildren(...rows);
      document.getElementById('counters-section').hidden = names.length === 0;
    }

    function render(job) {
      const status = document.getElementById('status');
      status.replaceChildren(statusBadge(job.status));
      document.getElementById('started').textContent = when(job.submitted);
      document.getElementById('duration').textContent = ran(job, job.now);
      document.getElementById('kill').disabled = job.status !== 'active';
      const stages = job.stages.map(s => el('tr', {},
        el('th', { scope: 'row', 'data-label': 'Stage', text: s.stage }),
        cell('Progress', el('div', { class: 'stages bare' }, stageBar(s, job.status, false))),
        cell('Running', String(s.running)), cell('Done', String(s.done)), cell('Failed attempts', String(s.failed))));
      document.querySelector('#stages tbody').replaceChildren(...stages);
      const urls = job.results.map(replicas => el('li', {}, ...replicas.flatMap((u, i) =>
        i === 0 ? [el('code', { text: u })] : [' ', el('code', { text: u })])));
      document.getElementById('results').replaceChildren(...urls);
      const none = document.getElementById('no-results');
      none.textContent = job.status === 'active' ? 'None yet.' : 'None.';
      none.hidden = urls.length > 0;
      document.body.dataset.status = job.status;
    }

    async function refresh() {
      clearTimeout(timer);
      let job;
      try {
        job = await getJson('/disco/ctrl/job_detail?name=' + q);
        await readEvents();
        if (countersSeen || job.status !== 'active') {
          countersSeen = false;
          await readCounters();
        }
        render(job);
        showError(null);
      } catch (err) {
        showError(err);
        document.body.dataset.loaded = 'true';
        if (err.status === 404) { // purged, or never known: nothing more will come
          document.body.dataset.status = 'unknown';
          document.getElementById('refreshing').textContent = 'Not refreshing: no such job';
          document.getElementById('kill').disabled = true;
          document.getElementById('purge').disabled = true;
        } else {
          timer = setTimeout(refresh, REFRESH_MS * 2);
        }
        return;
      }
      document.body.dataset.loaded = 'true';
      refreshNote(job.status === 'active');
      if (job.status === 'active') timer = setTimeout(refresh, REFRESH_MS);
    }

    document.getElementById('kill').addEventListener('click', async () => {
      if (!window.confirm('Kill job ' + name + '? Its running tasks are stopped; its events stay.')) return;
      try { await control('kill_job', name); } catch (err) { showError(err); return; }
      refresh();
    });
    document.getElementById('purge').addEventListener('click', async () => {
      if (!window.confirm('Purge job ' + name + '? It is killed and its events, results and data are deleted.')) return;
      try { await control('purge_job', name); } catch (err) { showError(err); return; }
      location.assign('/');
    });
    taskSelect.addEventListener('change', applyFilter);
    text.addEventListener('input', applyFilter);
    refresh();
  }

  if (document.body.dataset.page === 'jobs') jobsPage();
  else if (document.body.dataset.page === 'job') jobPage();
}());
