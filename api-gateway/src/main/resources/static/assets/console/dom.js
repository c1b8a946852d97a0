// Tiny DOM builder: screens are built from elements, never from HTML strings, so API text can't inject markup.

/** h('button', {class: 'x', onclick: fn, 'aria-label': '…'}, 'text', childElement, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique element id with a readable prefix. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** Says something to screen readers through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // a fresh text node after a tick, so the same message twice is still read out
  setTimeout(() => { region.textContent = text; }, 50);
}

export const number = (n) => (n === null || n === undefined ? '—' : Number(n).toLocaleString('ko-KR'));
export const won = (n) => (n === null || n === undefined ? '—' : `${number(n)}원`);
export const percent = (n) => (n === null || n === undefined ? '—' : `${Number(n).toFixed(1)}%`);

export function dateTime(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('ko-KR', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Resolves after ms, or at once when the signal aborts (a screen being left). */
export function pause(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
