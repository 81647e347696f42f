// Recommendation cards in the browser, the same markup as CardsSection.java and Sparkline.java.
import {cssId, el, svgEl, timeEl} from './dom.js';

const STEADY = 0.05;
const WIDTH = 140;
const HEIGHT = 36;
const SLOT = 10;
const BAR = 8;
const MILESTONES = 3;

function number(value, digits) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function card(v) {
  return el('article', {class: 'card', attrs: {id: 'rec-' + cssId(v.id), 'data-rec': String(v.id)}},
    el('h2', {class: 'card-title'}, String(v.title || v.id || '')),
    el('div', {class: 'score-row'},
      el('p', {class: 'score'}, el('span', {class: 'score-n'}, number(v.progress_score, 0)),
        el('span', {class: 'score-unit'}, '/100 progress')),
      momentum(v.momentum_ratio)),
    el('dl', {class: 'counts'},
      count('Today', v.articles_today, v.articles_today_by_language),
      count('This week', v.articles_week, v.articles_week_by_language),
      count('All', v.articles, v.articles_by_language)),
    el('figure', {class: 'spark-fig'}, sparkline(v.daily),
      el('figcaption', null, 'Articles per day, last 14 days (darker: English)')),
    milestones(v.milestones));
}

function momentum(ratio) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) {
    return el('p', {class: 'momentum momentum-none'}, 'momentum —');
  }
  const trend = ratio > 1 + STEADY ? 'up' : ratio < 1 - STEADY ? 'down' : 'steady';
  const arrow = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶';
  return el('p', {class: 'momentum momentum-' + trend}, el('span', {attrs: {'aria-hidden': 'true'}}, arrow),
    ` ${trend} ${ratio.toFixed(2)}× vs 7-day avg`);
}

function count(label, total, byLanguage) {
  const parts = byLanguage && typeof byLanguage === 'object' ? Object.entries(byLanguage) : [];
  const split = parts.length
    ? [' ', el('span', {class: 'by-lang'}, parts.map(([lang, n]) => `${lang.toUpperCase()} ${number(n, 0)}`)
      .join(' · '))]
    : null;
  return el('div', null, el('dt', null, label), el('dd', null, el('span', {class: 'n'}, number(total, 0)), split));
}

/** 14 bars, oldest left; the English share is drawn over the lower part of each bar. */
export function sparkline(daily) {
  if (!Array.isArray(daily) || daily.length === 0) {
    return el('p', {class: 'spark-empty'}, 'No daily figures yet.');
  }
  const days = daily.slice(-Math.floor(WIDTH / SLOT));
  const max = Math.max(1, ...days.map(d => Number(d && d.articles) || 0));
  const bars = days.map((d, i) => {
    const total = Math.max(0, Number(d && d.articles) || 0);
    const en = Math.min(total, Math.max(0, Number(d && d.by_language && d.by_language.en) || 0));
    return svgEl('g', null, svgEl('title', null, `${String(d && d.date || '')}: ${total} (EN ${en})`),
      rect('spark-bar', i * SLOT, total, max), rect('spark-en', i * SLOT, en, max));
  });
  const label = 'Articles per day, oldest first: ' + days.map(d => Number(d && d.articles) || 0).join(' ');
  return svgEl('svg', {class: 'spark', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img',
    'aria-label': label}, svgEl('line', {class: 'spark-base', x1: 0, x2: WIDTH, y1: HEIGHT, y2: HEIGHT}), bars);
}

function rect(cls, x, value, max) {
  const h = value <= 0 ? 0 : Math.max(1, value / max * (HEIGHT - 2));
  return svgEl('rect', {class: cls, x, y: (HEIGHT - h).toFixed(1), width: BAR, height: h.toFixed(1)});
}

function milestones(list) {
  const heading = el('h3', {class: 'milestones-h'}, 'Latest milestones');
  if (!Array.isArray(list) || list.length === 0) {
    return [heading, el('p', {class: 'muted milestones-none'}, 'None seen yet.')];
  }
  const newest = [...list].sort((a, b) => String(b && b.lastSeen || '').localeCompare(String(a && a.lastSeen || '')));
  return [heading, el('ul', {class: 'milestones'}, newest.slice(0, MILESTONES).map(m =>
    el('li', null, String(m.label || m.id || ''), ' ', timeEl(m.lastSeen))))];
}
