// Dashboard: the ACTIVE / APPROVED / ENDED events (5 each) with participants and views, then every event with the
// filters of GET /events and each one's step.
import { h, fill, number, dateTime } from '../dom.js';
import * as api from '../api.js';
import { field } from '../forms.js';
import { OBJECTIVES, STATUSES, STEPS, label } from '../labels.js';

const PAGE_SIZE = 10;

export async function dashboardScreen(main, _params, signal) {
  const board = await api.get('/api/v1/events/dashboard', signal);
  const list = h('div', { id: 'event-list' });
  const filters = filterForm(list, signal);
  const nothingYet = !board.active.length && !board.approved.length && !board.ended.length;
  fill(main,
    h('h1', {}, '대시보드'),
    h('a', { class: 'button', href: '#/events/new' }, '+ 새 이벤트 만들기'),
    nothingYet ? h('p', { class: 'notice' }, '진행 중인 이벤트가 아직 없어요. 「새 이벤트 만들기」를 눌러 목적만 고르면 AI가 기획을 도와드립니다.') : null,
    h('div', { class: 'board' },
      column('진행 중', board.active), column('승인됨 · 시작 대기', board.approved), column('종료', board.ended)),
    h('h2', {}, '모든 이벤트'), filters, list);
  await loadPage(list, {}, 0, signal);
}

function column(title, items) {
  return h('section', { class: 'board-column', 'aria-label': title },
    h('h2', {}, title, ' ', h('span', { class: 'count' }, `${items.length}`)),
    items.length
      ? h('ul', { class: 'plain' }, items.map((e) => h('li', { class: 'card event-card' },
        h('a', { href: `#/events/${e.eventId}` }, e.title ?? '(제목 없음)'),
        h('p', { class: 'muted' }, `${label(OBJECTIVES, e.objective)} · ${label(STEPS, e.step)}`),
        h('p', {}, `참여 ${number(e.participantCount)}명 · 조회 ${number(e.viewCount)}회`))))
      : h('p', { class: 'muted' }, '없음'));
}

function filterForm(list, signal) {
  const status = field({ label: '상태', apiField: 'status', kind: 'select', options: [['', '전체'], ...Object.entries(STATUSES)] });
  const objective = field({ label: '목적', apiField: 'objective', kind: 'select', options: [['', '전체'], ...Object.entries(OBJECTIVES)] });
  const keyword = field({ label: '검색어', apiField: 'keyword', type: 'search', placeholder: '이벤트 제목' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '이벤트 검색' },
    status.wrapper, objective.wrapper, keyword.wrapper, h('button', { type: 'submit', class: 'secondary' }, '검색'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    loadPage(list, { status: status.control.value, objective: objective.control.value, keyword: keyword.control.value.trim() }, 0, signal);
  });
  return form;
}

async function loadPage(list, filters, page, signal) {
  const query = new URLSearchParams({ page, size: PAGE_SIZE });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const result = await api.get(`/api/v1/events?${query}`, signal);
  const pages = Math.max(1, Math.ceil(result.totalElements / PAGE_SIZE));
  fill(list,
    result.content.length ? h('table', { class: 'events' },
      h('caption', { class: 'visually-hidden' }, '이벤트 목록'),
      h('thead', {}, h('tr', {}, ['이벤트', '상태', '단계', '기간'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, result.content.map((e) => h('tr', {},
        h('td', {}, h('a', { href: `#/events/${e.eventId}` }, e.title ?? `이벤트 #${e.eventId} (${label(OBJECTIVES, e.objective)})`)),
        h('td', {}, label(STATUSES, e.status)),
        h('td', {}, label(STEPS, e.step)),
        h('td', {}, e.startAt ? `${dateTime(e.startAt)} ~ ${dateTime(e.endAt)}` : '—')))))
      : h('p', { class: 'muted' }, '조건에 맞는 이벤트가 없습니다.'),
    h('nav', { class: 'pager', 'aria-label': '페이지' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, onclick: () => loadPage(list, filters, page - 1, signal) }, '이전'),
      h('span', {}, `${page + 1} / ${pages} (총 ${result.totalElements}개)`),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => loadPage(list, filters, page + 1, signal) }, '다음')));
}
