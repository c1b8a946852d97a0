// Cancelling: says exactly what will be taken back (posts on channels that allow it) and what stays, and asks
// again before the DELETE.
import { h, fill } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { formAlert, showProblem, busy } from '../forms.js';
import { CHANNELS, label } from '../labels.js';

/** Channels whose API lets a published post be taken back (ChannelType.retractable on the server). */
const RETRACTABLE = ['RINGOBIZ', 'GINITV', 'INSTAGRAM', 'NAVER_BLOG'];

export function cancelSection(detail, channels) {
  const box = h('section', { class: 'card danger', 'aria-labelledby': 'cancel-title' });
  const ask = h('button', { type: 'button', class: 'secondary', id: 'cancel-event' }, '이벤트 취소…');
  ask.addEventListener('click', () => confirmCancel(box, detail, channels, ask));
  fill(box, h('h2', { id: 'cancel-title' }, '이벤트 취소'), ask);
  return box;
}

function confirmCancel(box, detail, channels, ask) {
  const published = channels.filter((c) => c.status === 'PUBLISHED');
  const retracted = published.filter((c) => RETRACTABLE.includes(c.channel));
  const stays = published.filter((c) => !RETRACTABLE.includes(c.channel));
  const confirm = h('button', { type: 'button', id: 'confirm-cancel' }, '네, 취소합니다');
  const keep = h('button', { type: 'button', class: 'secondary' }, '아니요, 계속 진행합니다');
  const panel = h('div', { role: 'group', 'aria-labelledby': 'cancel-question' },
    h('p', { id: 'cancel-question', tabindex: '-1' }, h('strong', {}, '정말 이 이벤트를 취소할까요? 되돌릴 수 없습니다.')),
    h('ul', {},
      retracted.length ? h('li', {}, `게시물을 회수합니다: ${retracted.map((c) => label(CHANNELS, c.channel)).join(', ')}`) : null,
      stays.length ? h('li', {}, `이미 나간 소식은 회수할 수 없습니다: ${stays.map((c) => label(CHANNELS, c.channel)).join(', ')}`) : null,
      !published.length ? h('li', {}, '아직 게시된 곳은 없습니다.') : null,
      h('li', {}, '손님은 더 이상 참여할 수 없고, 참여자 개인정보는 정해진 기간 뒤 지워집니다.')),
    formAlert(), confirm, keep);
  keep.addEventListener('click', () => { panel.remove(); ask.hidden = false; ask.focus(); });
  confirm.addEventListener('click', () => busy(confirm, '취소하는 중…', async () => {
    try {
      await api.del(`/api/v1/events/${detail.eventId}`, { reason: '사장님이 취소함' });
      go(`/events/${detail.eventId}`);
    } catch (error) {
      showProblem(panel, error);
    }
  }));
  ask.hidden = true;
  box.append(panel);
  panel.querySelector('#cancel-question').focus();
}
