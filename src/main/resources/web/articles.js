// The article stream in the browser: the same markup as ArticlesSection.java, built with createElement and text
// nodes only. Highlights come from the matcher's TermHit offsets (UTF-16 indexes, as in Java).
import {cssId, el, link, shortLabel, timeEl} from './dom.js';

/** Valid, non-overlapping [start, end] ranges of one field over all matches, in text order (Highlighter.java). */
export function ranges(article, field, text) {
  const found = [];
  for (const match of article.matches || []) {
    for (const hit of match.hits || []) {
      if (!hit || hit.field !== field || !Number.isInteger(hit.start) || !Number.isInteger(hit.end)) {
        continue;
      }
      const {start, end} = hit;
      if (start < 0 || end <= start || end > text.length) {
        continue;
      }
      if (typeof hit.text === 'string' && text.slice(start, end).toLowerCase() !== hit.text.toLowerCase()) {
        continue;
      }
      found.push([start, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept = [];
  let last = 0;
  for (const r of found) {
    if (r[0] >= last) {
      kept.push(r);
      last = r[1];
    }
  }
  return kept;
}

/** The field's text as text nodes with <mark> around the hits. */
export function highlighted(article, field) {
  const text = typeof article[field] === 'string' ? article[field] : '';
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges(article, field, text)) {
    parts.push(text.slice(at, start), el('mark', null, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Groups articles (newest first) by storyId; an article without one is its own story. */
export function stories(articles) {
  const groups = new Map();
  for (const a of articles) {
    const key = a.storyId ? 'story:' + a.storyId : 'article:' + a.id;
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(a);
  }
  return [...groups.values()];
}

/** A key that changes when a story's rendering would: reuse the element (and its open/closed state) otherwise. */
export function storyKey(story) {
  const lead = story[0];
  return story.map(a => a.id).join('|') + '#' + (lead.storySize || '') + '#' + (lead.matches || []).length;
}

export function storyRow(story) {
  const a = story[0];
  const summary = typeof a.summary === 'string' && a.summary ? el('p', {class: 'summary'}, highlighted(a, 'summary'))
    : null;
  return el('li', {class: 'article', attrs: {'data-id': a.id}},
    el('h3', {class: 'headline'}, link(a.url, highlighted(a, 'title'))),
    meta(a), summary, why(a), also(a, story.slice(1)));
}

function meta(a) {
  const recs = (a.matches || []).map(m =>
    [' ', el('span', {class: 'rec rec-' + cssId(m.recommendation)}, shortLabel(m.recommendation))]);
  return el('p', {class: 'meta'}, el('span', {class: 'source'}, String(a.source || '')), ' · ',
    timeEl(a.publishedAt), ' · ', el('span', {class: 'lang'}, String(a.language || '').toUpperCase()), recs);
}

function why(a) {
  const items = (a.matches || []).map(m => {
    const direction = m.direction || 'neutral';
    return el('li', null,
      el('strong', null, shortLabel(m.recommendation)), ' · score ', typeof m.score === 'number' ? m.score.toFixed(1) : '—', ' · ',
      el('span', {class: 'dir dir-' + cssId(direction)}, String(direction)),
      m.milestone ? [' · milestone ', el('span', {class: 'milestone'}, String(m.milestone))] : null,
      el('p', {class: 'explanation'}, String(m.explanation || '')),
      el('p', {class: 'topics'}, 'Topics: ', joined(m.topics), ' · Terms: ', joined(m.terms)));
  });
  return el('details', {class: 'why'}, el('summary', null, 'Why it matched'), el('ul', null, items));
}

function also(lead, others) {
  const n = Math.max(others.length, (Number(lead.storySize) || 0) - 1);
  if (n <= 0) {
    return null;
  }
  const items = others.map(o => el('li', null, link(o.url, String(o.title || '')), ' ',
    el('span', {class: 'meta'}, String(o.source || ''), ' · ', timeEl(o.publishedAt))));
  return el('details', {class: 'also'}, el('summary', null, `Also in ${n} ${n === 1 ? 'outlet' : 'outlets'}`),
    el('ul', null, items));
}

function joined(values) {
  return Array.isArray(values) && values.length ? values.map(String).join(', ') : '—';
}

/**
 * Puts exactly `rows` into `list`, in order, moving as few nodes as possible: rows already in place stay put, so
 * keyboard focus and open "why" panels survive a live update.
 */
export function reconcile(list, rows) {
  const wanted = new Set(rows);
  for (const child of [...list.children]) {
    if (!wanted.has(child)) {
      child.remove();
    }
  }
  rows.forEach((row, i) => {
    if (list.children[i] !== row) {
      list.insertBefore(row, list.children[i] || null);
    }
  });
}
