// The alerts page (/alerts) from /api/alerts, newest first. Until the alert stage serves that route it answers 404,
// which reads as "no alerts".
import {el, getJson, link, setLive, shortLabel, timeEl} from './dom.js';
import {showBanner, sortAlerts} from './banner.js';

const REFRESH_MS = 30000;

function item(alert) {
  const urls = Array.isArray(alert.urls) ? alert.urls : [];
  const sources = Array.isArray(alert.sources) ? alert.sources.map(String) : [];
  return el('li', {class: 'alert', attrs: {'data-id': String(alert.id || '')}},
    el('h2', {class: 'headline'}, link(urls[0], String(alert.headline || 'Untitled story'))),
    el('p', {class: 'meta'}, el('span', {class: 'rec'}, shortLabel(alert.recommendation)), ' · first seen ',
      timeEl(alert.firstSeen), ' · last seen ', timeEl(alert.lastSeen)),
    alert.reason ? el('p', {class: 'reason'}, String(alert.reason)) : null,
    sources.length ? el('p', {class: 'sources'}, `${sources.length} outlets: ${sources.join(', ')}`) : null,
    urls.length > 1 ? el('ul', {class: 'urls'}, urls.slice(1).map(u => el('li', null, link(u, String(u))))) : null);
}

async function load() {
  const {status, body} = await getJson('/api/alerts');
  const alerts = status === 200 ? sortAlerts(body) : [];
  const content = document.getElementById('content');
  content.replaceChildren(alerts.length
    ? el('ol', {class: 'alerts'}, alerts.map(item))
    : el('p', {class: 'muted', attrs: {id: 'no-alerts'}}, 'No alerts.'));
  showBanner(alerts, Date.now());
  setLive('Updated ' + new Date().toISOString().slice(11, 16) + ' UTC', 'live-on');
}

load();
window.setInterval(load, REFRESH_MS);
