// #/events/{id}: sends the owner to the screen of the event's current step, or says how the event ended.
import { h, fill } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { eventHeader, sectionFor } from '../event-header.js';

export async function eventScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const ended = ['CANCELLED', 'EXPIRED'].includes(detail.status);
  const section = ended ? null : sectionFor(detail.step);
  if (section) {
    go(`/events/${detail.eventId}/${section}`, { replace: true });
    return;
  }
  const why = { CANCELLED: '이 이벤트는 취소되었습니다.', EXPIRED: '오래 진행되지 않아 초안이 만료되었습니다.', FAILED: '이벤트 처리 중 오류가 났습니다.' };
  fill(main, eventHeader(detail, null, '이벤트 상태'),
    h('p', { class: 'notice' }, why[detail.status] ?? why[detail.step] ?? detail.step, detail.failureReason ? ` (${detail.failureReason})` : ''),
    h('a', { class: 'button', href: '#/events/new' }, '새 이벤트 만들기'));
}
