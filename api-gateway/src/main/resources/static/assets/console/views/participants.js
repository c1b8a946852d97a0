// Participants of an event: filters (entry path, winner, name, phone), pages, masked as the API sends them, and
// the same selection as a CSV file (fetched with the token, then saved from a blob: URL).
import { h, fill, number } from '../dom.js';
import * as api from '../api.js';
import { field, formAlert, showProblem, busy } from '../forms.js';
import { ENTRY_PATHS, label } from '../labels.js';

export function participantsSection(eventId, signal) {
  const entryPath = field({ label: '참여 경로', apiField: 'entryPath', kind: 'select', options: [['', '전체'], ...Object.entries(ENTRY_PATHS)] });
  const isWinner = field({ label: '당첨 여부', apiField: 'isWinner', kind: 'select', options: [['', '전체'], ['true', '당첨자'], ['false', '미당첨']] });
  const name = field({ label: '이름', apiField: 'name', type: 'search' });
  const phone = field({ label: '휴대폰 번호', apiField: 'phone', type: 'search', inputmode: 'tel', hint: '번호 전체로 찾습니다' });
  const size = field({ label: '한 페이지에', apiField: 'size', kind: 'select', value: '10', options: [['10', '10명'], ['20', '20명'], ['50', '50명'], ['100', '100명']] });
  // focusable, so a keyboard can scroll the table sideways on a phone
  const table = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': '참여자 표' });
  const download = h('button', { type: 'button', class: 'secondary' }, 'CSV 내려받기');
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '참여자 검색' },
    entryPath.wrapper, isWinner.wrapper, name.wrapper, phone.wrapper, size.wrapper, formAlert(),
    h('button', { type: 'submit', class: 'secondary' }, '검색'));
  const filters = () => {
    const query = new URLSearchParams();
    if (entryPath.control.value) query.set('entryPath', entryPath.control.value);
    if (isWinner.control.value) query.set('isWinner', isWinner.control.value);
    if (name.control.value.trim()) query.set('name', name.control.value.trim());
    if (phone.control.value.trim()) query.set('phone', phone.control.value.trim());
    return query;
  };
  const load = async (page) => {
    const query = filters();
    query.set('page', page);
    query.set('size', size.control.value);
    try {
      drawPage(table, await api.get(`/api/v1/events/${eventId}/participants?${query}`, signal), load);
    } catch (error) {
      if (!signal.aborted) showProblem(form, error);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(0); });
  download.addEventListener('click', () => busy(download, '내려받는 중…', async () => {
    try {
      const response = await api.authorised('GET', `/api/v1/events/${eventId}/participants/export?${filters()}`, { accept: 'text/csv' });
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: `participants-${eventId}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showProblem(form, error);
    }
  }));
  load(0);
  return h('section', { class: 'card', 'aria-labelledby': 'participants-title' },
    h('h2', { id: 'participants-title' }, '참여자'),
    h('p', { class: 'muted' }, '개인정보 보호를 위해 이름과 번호는 가려서 보여 드립니다.'),
    form, table, download);
}

const shortTime = (iso) => new Date(iso).toLocaleString('ko-KR', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function drawPage(table, result, load) {
  const pages = Math.max(1, Math.ceil(result.totalElements / result.size));
  fill(table,
    h('p', { role: 'status' }, `총 ${number(result.totalElements)}명`),
    result.content.length ? h('table', {},
      h('caption', { class: 'visually-hidden' }, '참여자 목록'),
      h('thead', {}, h('tr', {}, ['번호', '이름', '휴대폰', '경로', '당첨', '참여 시각'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, result.content.map((p) => h('tr', {},
        h('td', {}, p.entryNumber), h('td', {}, p.name), h('td', {}, p.phone), h('td', {}, label(ENTRY_PATHS, p.entryPath)),
        h('td', {}, p.isWinner ? `${p.winnerRank}등` : '—'), h('td', {}, shortTime(p.enteredAt))))))
      : h('p', { class: 'muted' }, '아직 참여자가 없습니다. 손님 참여 페이지 주소와 포스터를 매장과 채널에 알려 보세요.'),
    h('nav', { class: 'pager', 'aria-label': '참여자 페이지' },
      h('button', { type: 'button', class: 'secondary', disabled: result.page === 0, onclick: () => load(result.page - 1) }, '이전'),
      h('span', {}, `${result.page + 1} / ${pages}`),
      h('button', { type: 'button', class: 'secondary', disabled: result.page + 1 >= pages, onclick: () => load(result.page + 1) }, '다음')));
}
