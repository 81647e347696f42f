// The breaking-story banner: the newest alert from /api/alerts while it is recent. /api/alerts may not exist yet
// (404 until the alert stage lands): that reads as "no alerts", never as an error.
import {el, link, shortLabel} from './dom.js';

const RECENT_MS = 12 * 60 * 60 * 1000;
const DISMISSED = 'agenda-dismissed-alert';

/** Alerts newest first (lastSeen, else firstSeen); [] when the endpoint is absent or answers something else. */
export function sortAlerts(body) {
  const list = Array.isArray(body) ? body.filter(a => a && typeof a === 'object') : [];
  const when = a => Date.parse(a.lastSeen || a.firstSeen || '') || 0;
  return list.sort((a, b) => when(b) - when(a));
}

export function showBanner(alerts, now) {
  const banner = document.getElementById('banner');
  if (!banner) {
    return;
  }
  const newest = alerts[0];
  const seen = newest && Date.parse(newest.lastSeen || newest.firstSeen || '');
  const recent = newest && (Number.isNaN(seen) || now - seen < RECENT_MS);
  let dismissed = null;
  try {
    dismissed = window.sessionStorage.getItem(DISMISSED);
  } catch (e) {
    // No storage: the banner simply cannot be dismissed for the session.
  }
  if (!recent || String(newest.id) === dismissed) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const sources = Array.isArray(newest.sources) ? newest.sources.length : 0;
  const url = Array.isArray(newest.urls) ? newest.urls[0] : null;
  const dismiss = el('button', {class: 'dismiss', attrs: {type: 'button'}}, 'Dismiss');
  dismiss.addEventListener('click', () => {
    try {
      window.sessionStorage.setItem(DISMISSED, String(newest.id));
    } catch (e) {
      // Hidden for this page view only.
    }
    banner.hidden = true;
  });
  banner.replaceChildren(
    el('strong', null, 'Breaking'), ' · ', el('span', {class: 'rec'}, shortLabel(newest.recommendation)), ': ',
    link(url, String(newest.headline || 'a story is spreading'), 'banner-headline'),
    sources ? ` — ${sources} ${sources === 1 ? 'outlet' : 'outlets'}` : '', ' ',
    el('a', {attrs: {href: '/alerts'}}, 'All alerts'), ' ', dismiss);
  banner.hidden = false;
}
