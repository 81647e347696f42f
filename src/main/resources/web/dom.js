// DOM building for feed data. The one rule: feed strings reach the page only as text nodes (textContent) or
// through checked attributes; never innerHTML, insertAdjacentHTML or document.write. Mirrors web/Html.java.

/** Creates an element; props: {class, attrs: {name: value}}; children: nodes, strings (as text) or null. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  append(node, children);
  return node;
}

/** The same for SVG elements, whose geometry goes in attributes (the CSP forbids style attributes). */
export function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function applyProps(node, props) {
  if (!props) {
    return;
  }
  if (props.class) {
    node.className = props.class;
  }
  for (const [name, value] of Object.entries(props.attrs || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === '') {
      continue;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }
}

/** The normalized URL when it is absolute http(s), else null (javascript:, data:, relative, garbage). */
export function httpUrl(url) {
  if (typeof url !== 'string') {
    return null;
  }
  try {
    const parsed = new URL(url.trim());
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

/** An anchor for http(s) URLs, a span otherwise, around the given children. */
export function link(url, children, cls) {
  const href = httpUrl(url);
  return href
    ? el('a', {class: cls, attrs: {href, rel: 'noopener noreferrer nofollow', target: '_blank'}}, children)
    : el('span', {class: cls}, children);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A <time> element in the server's format ("28 Nov 08:00 UTC"); raw text when the value does not parse. */
export function timeEl(iso) {
  if (typeof iso !== 'string' || !iso) {
    return el('time', null, '—');
  }
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) {
    return el('time', null, iso);
  }
  const pad = n => String(n).padStart(2, '0');
  const text = `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} UTC`;
  return el('time', {attrs: {datetime: t.toISOString().replace('.000Z', 'Z')}}, text);
}

/** Lower case without accents, as DashboardQuery.fold does, so "mexico" finds "México". */
export function fold(s) {
  return String(s || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const SHORT = {merida: 'Mérida / security', demand_guns_cash: 'Demand, guns & cash', usmca: 'USMCA'};

export function shortLabel(id) {
  return Object.prototype.hasOwnProperty.call(SHORT, id) ? SHORT[id] : String(id || '');
}

/** A value safe inside a class name, as Labels.cssId does. */
export function cssId(id) {
  return id ? String(id).toLowerCase().replace(/[^a-z0-9]+/g, '-') : 'none';
}

/** GET a JSON resource; resolves to {status, body}, body null when absent or not JSON. Never rejects. */
export async function getJson(path) {
  try {
    const response = await fetch(path, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    let body = null;
    if ((response.headers.get('Content-Type') || '').startsWith('application/json')) {
      body = await response.json();
    }
    return {status: response.status, body};
  } catch (e) {
    return {status: 0, body: null};
  }
}

export function setLive(text, cls) {
  const live = document.getElementById('live');
  if (live) {
    live.textContent = text;
    live.className = 'live ' + (cls || '');
  }
}
