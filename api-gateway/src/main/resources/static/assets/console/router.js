// Hash routes (#/events/42/poster): every screen has an address, reload and back work, and no server route is
// needed beyond "/". Each screen gets an AbortSignal that fires when it is left, to stop its polling and streams.
import { fill, h } from './dom.js';
import { ApiError } from './api.js';
import { problemText } from './messages.js';
import * as session from './session.js';

const routes = [];
let leaving = null;

/** pattern like '/events/:id/poster'; screen(main, params, signal) draws into main. */
export function route(pattern, screen, { open = false } = {}) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}$`);
  routes.push({ regex, names, screen, open });
}

export function go(path, { replace = false } = {}) {
  const target = `#${path}`;
  if (location.hash === target) {
    show();
  } else if (replace) {
    location.replace(target);
  } else {
    location.hash = target;
  }
}

function currentPath() {
  return location.hash.replace(/^#/, '') || '/';
}

export function start() {
  window.addEventListener('hashchange', show);
  show();
}

async function show() {
  leaving?.abort();
  leaving = new AbortController();
  const { signal } = leaving;
  const path = currentPath();
  const main = document.getElementById('screen');
  const match = routes.map((r) => ({ r, m: path.match(r.regex) })).find(({ m }) => m);
  if (!match) {
    fill(main, h('h1', {}, '없는 화면입니다'), h('p', {}, h('a', { href: '#/' }, '대시보드로 가기')));
    focusHeading(main);
    return;
  }
  if (!match.r.open && !session.signedIn()) {
    go('/login', { replace: true });
    return;
  }
  const params = Object.fromEntries(match.r.names.map((name, i) => [name, decodeURIComponent(match.m[i + 1])]));
  try {
    await match.r.screen(main, params, signal);
  } catch (error) {
    if (signal.aborted) return;
    if (!(error instanceof ApiError)) console.error(error);
    const notFound = error instanceof ApiError && error.status === 404;
    fill(main, h('h1', {}, notFound ? '이벤트를 찾을 수 없습니다' : '화면을 불러오지 못했습니다'),
      h('p', { class: 'notice' }, error instanceof ApiError ? problemText(error) : '잠시 후 다시 시도하세요.'),
      h('p', {}, h('a', { href: '#/' }, '대시보드로 가기')));
  }
  if (!signal.aborted) focusHeading(main);
}

/** Moves focus to the new screen's heading and names the tab after it, as a page load would. */
function focusHeading(main) {
  const heading = main.querySelector('h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  document.title = `${heading.textContent} — KT 이벤트`;
  window.scrollTo(0, 0);
}
