// The dashboard's filters as they live in the URL (?recommendation=&language=&outlet=&q=), the same four parameters
// DashboardQuery.java reads, so a filtered view can be shared and reopened, rendered by the server.
import {fold} from './dom.js';

export const FILTERS = ['recommendation', 'language', 'outlet', 'q'];

export function readFilters() {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTERS.map(k => [k, (params.get(k) || '').trim()]));
}

export function writeUrl(filters, push) {
  const params = new URLSearchParams();
  FILTERS.forEach(k => filters[k] && params.set(k, filters[k]));
  const query = params.toString();
  const url = window.location.pathname + (query ? '?' + query : '');
  if (url !== window.location.pathname + window.location.search) {
    window.history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
}

export function syncForm(filters) {
  FILTERS.forEach(k => {
    const field = document.getElementById('f-' + k);
    if (field && field.value !== filters[k]) {
      if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === filters[k])) {
        field.appendChild(new Option(filters[k], filters[k]));
      }
      field.value = filters[k];
    }
  });
}

/** What the API query already narrowed (recommendation, language) is checked again for pushed articles. */
export function accepts(filters, a) {
  if (filters.recommendation && !(a.matches || []).some(m => m.recommendation === filters.recommendation)) {
    return false;
  }
  if (filters.language && a.language !== filters.language) {
    return false;
  }
  if (filters.outlet && a.source !== filters.outlet) {
    return false;
  }
  return !filters.q || fold([a.title, a.summary, a.source].join(' ')).includes(fold(filters.q));
}
