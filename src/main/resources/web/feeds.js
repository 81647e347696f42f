// Feed health (/feeds) from /api/feeds: one row per feed, failing feeds first. Every field may be missing (the
// ingest stage fills them in as it learns), and every value is shown as text.
import {el, getJson, link, setLive, timeEl} from './dom.js';

const REFRESH_MS = 30000;
const COLUMNS = ['Feed', 'Category', 'Last outcome', 'Last success', 'Last error', 'Failures in a row',
  'Next poll', 'Items seen'];

function text(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function when(value) {
  return typeof value === 'string' && value ? timeEl(value) : '—';
}

function row(feed) {
  const failures = Number(feed.consecutiveFailures) || 0;
  const outcome = text(feed.lastOutcome);
  return el('tr', {class: failures > 0 ? 'failing' : '', attrs: {'data-feed': text(feed.feedId)}},
    el('th', {attrs: {scope: 'row'}}, link(feed.url, text(feed.title || feed.feedId)),
      el('span', {class: 'feed-id'}, text(feed.feedId))),
    el('td', null, text(feed.category)),
    el('td', null, el('span', {class: 'outcome outcome-' + (outcome === 'ok' ? 'ok' : 'other')}, outcome)),
    el('td', null, when(feed.lastSuccess)),
    el('td', {class: 'error'}, text(feed.lastError)),
    el('td', {class: 'num'}, String(failures)),
    el('td', null, when(feed.nextPoll)),
    el('td', {class: 'num'}, text(feed.itemsSeen)));
}

async function load() {
  const content = document.getElementById('content');
  const {status, body} = await getJson('/api/feeds');
  if (status !== 200 || !Array.isArray(body)) {
    setLive(status === 0 ? 'Cannot reach the server' : `Feed status unavailable (${status})`, 'live-down');
    return;
  }
  const feeds = body.filter(f => f && typeof f === 'object').sort((a, b) =>
    (Number(b.consecutiveFailures) || 0) - (Number(a.consecutiveFailures) || 0)
    || text(a.title || a.feedId).localeCompare(text(b.title || b.feedId)));
  const failing = feeds.filter(f => Number(f.consecutiveFailures) > 0).length;
  content.replaceChildren(
    el('p', {class: 'summary-line'}, `${feeds.length} feeds, ${failing} failing`),
    feeds.length === 0 ? el('p', {class: 'muted'}, 'No feeds reported yet.')
      : el('div', {class: 'table-wrap'}, el('table', {class: 'feeds'},
        el('thead', null, el('tr', null, COLUMNS.map(c => el('th', {attrs: {scope: 'col'}}, c)))),
        el('tbody', null, feeds.map(row)))));
  setLive('Updated ' + new Date().toISOString().slice(11, 16) + ' UTC', 'live-on');
}

load();
window.setInterval(load, REFRESH_MS);
