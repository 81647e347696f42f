// The dashboard's live behaviour: filters kept in the URL, articles pushed by server-sent events (/api/events) with
// polling as the fallback, cards and the alert banner refreshed from the JSON API. The server already rendered a
// first view; this script re-renders from the API so the browser and the URL agree.
import {getJson, setLive} from './dom.js';
import {FILTERS, accepts, readFilters, syncForm, writeUrl} from './filters.js';
import {reconcile, stories, storyKey, storyRow} from './articles.js';
import {card} from './cards.js';
import {showBanner, sortAlerts} from './banner.js';

const LIMIT = 100;
const KEPT = 400;
const POLL_MS = 10000;
const RETRY_MS = 3000;
const CARDS_MS = 30000;
const ALERTS_MS = 30000;

const articles = new Map();
const rows = new Map();
const fresh = new Set();
let filters = readFilters();
let pollTimer = null;
let retryTimer = null;

function newestFirst(a, b) {
  return String(b.publishedAt || '').localeCompare(String(a.publishedAt || ''));
}

function render() {
  const list = document.getElementById('articles');
  if (!list) {
    return;
  }
  const shown = [...articles.values()].sort(newestFirst).filter(a => accepts(filters, a));
  const next = new Map();
  const elements = stories(shown).map(story => {
    const key = storyKey(story);
    const row = rows.get(key) || storyRow(story);
    if (story.some(a => fresh.has(a.id))) {
      row.classList.add('fresh');
    }
    next.set(key, row);
    return row;
  });
  rows.clear();
  next.forEach((row, key) => rows.set(key, row));
  reconcile(list, elements);
  document.getElementById('articles-empty').hidden = elements.length > 0;
  updateOutlets();
}

function updateOutlets() {
  const select = document.getElementById('f-outlet');
  if (!select) {
    return;
  }
  const outlets = new Set([...articles.values()].map(a => String(a.source || '')).filter(Boolean));
  if (filters.outlet) {
    outlets.add(filters.outlet);
  }
  const sorted = [...outlets].sort((a, b) => a.localeCompare(b, undefined, {sensitivity: 'base'}));
  const current = [...select.options].slice(1).map(o => o.value);
  if (current.join('\n') !== sorted.join('\n')) {
    select.replaceChildren(new Option('All', ''), ...sorted.map(o => new Option(o, o)));
    select.value = filters.outlet;
  }
}

/** Adds or updates articles; returns how many were not loaded before. */
function merge(list, isFresh) {
  let added = 0;
  for (const a of Array.isArray(list) ? list : []) {
    if (!a || typeof a.id !== 'string' || (isFresh && articles.has(a.id))) {
      continue;
    }
    added += articles.has(a.id) ? 0 : 1;
    articles.set(a.id, a);
    if (isFresh) {
      fresh.add(a.id);
    }
  }
  const excess = [...articles.values()].sort(newestFirst).slice(KEPT);
  excess.forEach(a => articles.delete(a.id));
  render();
  return added;
}

async function loadArticles(replace) {
  const params = new URLSearchParams({limit: String(LIMIT)});
  ['recommendation', 'language'].forEach(k => filters[k] && params.set(k, filters[k]));
  const {status, body} = await getJson('/api/articles?' + params);
  if (status !== 200) {
    setLive(status === 503 ? 'Pipeline starting…' : 'Cannot reach the server', 'live-down');
    // Articles that exist when the pipeline becomes ready are never pushed as news: fetch them once it is.
    if (retryTimer === null) {
      retryTimer = window.setTimeout(() => {
        retryTimer = null;
        loadArticles(true).then(ok => ok && loadCards());
      }, RETRY_MS);
    }
    return false;
  }
  if (replace) {
    articles.clear();
  }
  merge(body, false);
  return true;
}

async function loadCards() {
  const {status, body} = await getJson('/api/recommendations');
  const cards = document.getElementById('cards');
  if (status === 200 && Array.isArray(body) && cards) {
    cards.replaceChildren(...body.map(card));
    const notice = document.getElementById('not-ready');
    if (notice) {
      notice.remove();
    }
  }
}

async function loadAlerts() {
  const {status, body} = await getJson('/api/alerts');
  showBanner(status === 200 ? sortAlerts(body) : [], Date.now());
}

function startPolling() {
  if (pollTimer === null) {
    setLive('Updating every 10 s', 'live-poll');
    pollTimer = window.setInterval(() => loadArticles(false), POLL_MS);
  }
}

function stopPolling() {
  window.clearInterval(pollTimer);
  pollTimer = null;
}

function connect() {
  if (!('EventSource' in window)) {
    startPolling();
    return;
  }
  const source = new EventSource('/api/events');
  let cardsTimer = null;
  source.addEventListener('hello', () => {
    stopPolling();
    setLive('Live', 'live-on');
    loadArticles(false);
  });
  source.addEventListener('articles', event => {
    if (merge(JSON.parse(event.data), true) > 0) {
      // Counts move with new articles; one refresh for a burst of events.
      window.clearTimeout(cardsTimer);
      cardsTimer = window.setTimeout(loadCards, 1000);
    }
  });
  source.addEventListener('heartbeat', () => setLive('Live', 'live-on'));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      startPolling();
      window.setTimeout(connect, 30000);
    } else {
      setLive('Reconnecting…', 'live-poll');
    }
  });
}

function onFilter(event) {
  const name = event.target.name;
  if (!FILTERS.includes(name)) {
    return;
  }
  const before = {...filters};
  filters[name] = event.target.value.trim();
  writeUrl(filters, name !== 'q');
  if (before.recommendation !== filters.recommendation || before.language !== filters.language) {
    loadArticles(true);
  } else {
    render();
  }
}

function init() {
  const form = document.getElementById('filters');
  if (form) {
    form.addEventListener('change', onFilter);
    form.addEventListener('input', event => event.target.name === 'q' && onFilter(event));
    form.addEventListener('submit', event => event.preventDefault());
  }
  window.addEventListener('popstate', () => {
    filters = readFilters();
    syncForm(filters);
    loadArticles(true);
  });
  loadArticles(true).then(async ok => {
    // Lets a test (and the Performance panel) see when the API-rendered view replaced the server-rendered one.
    if (ok) {
      performance.mark('articles-rendered');
    }
    await loadCards();
    if (ok) {
      document.body.setAttribute('data-rendered', 'api');
    }
  });
  loadAlerts();
  connect();
  window.setInterval(loadCards, CARDS_MS);
  window.setInterval(loadAlerts, ALERTS_MS);
}

init();
