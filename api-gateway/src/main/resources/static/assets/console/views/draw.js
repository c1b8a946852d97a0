// The winner draw: count, algorithm and visit bonus, once per event after it ended; then its proof (the seed
// committed before the start, revealed now, and the entry snapshot's hash), which anyone can recompute.
import { h, fill, dateTime, number } from '../dom.js';
import * as api from '../api.js';
import { field, formAlert, showProblem, busy } from '../forms.js';
import { ENTRY_PATHS, label } from '../labels.js';

export async function drawSection(detail, signal) {
  const box = h('section', { class: 'card', 'aria-labelledby': 'draw-title' });
  const draw = await api.get(`/api/v1/events/${detail.eventId}/draw`, signal);
  if (draw.status === 'DRAWN') drawProof(box, detail, draw);
  else drawForm(box, detail, draw);
  return box;
}

function drawForm(box, detail, draw) {
  const title = h('h2', { id: 'draw-title' }, '당첨자 추첨');
  if (detail.status !== 'ENDED') {
    fill(box, title, h('p', { class: 'muted' }, '이벤트가 끝나면 여기서 당첨자를 뽑습니다.'),
      draw.commitment ? h('p', { class: 'muted' }, '공정성 약속값(시작 시 고정): ', h('span', { class: 'mono' }, draw.commitment)) : null);
    return;
  }
  const winnerCount = field({ label: '당첨자 수', apiField: 'winnerCount', type: 'number', min: 1, value: '3' });
  const algorithm = field({ label: '추첨 방식', apiField: 'algorithm', kind: 'select', value: 'WEIGHTED', options: [['WEIGHTED', '매장 방문 가산(가중치)'], ['RANDOM', '완전 무작위']] });
  const visitBonus = field({ label: '매장 방문 가산 응모권', apiField: 'visitBonus', type: 'number', min: 1, max: 3, value: '2', hint: '매장 방문(QR) 참여자에게 1~3장 추가' });
  const submit = h('button', { type: 'submit' }, '추첨하기');
  const form = h('form', { novalidate: true }, winnerCount.wrapper, algorithm.wrapper, visitBonus.wrapper, formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, '추첨하는 중…', async () => {
      try {
        const done = await api.post(`/api/v1/events/${detail.eventId}/draw-winners`, {
          winnerCount: Number(winnerCount.control.value), algorithm: algorithm.control.value,
          visitBonus: algorithm.control.value === 'WEIGHTED' ? Number(visitBonus.control.value) : null,
        });
        drawProof(box, detail, done);
        box.querySelector('h2').focus();
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  fill(box, title, h('p', { class: 'muted' }, '한 이벤트에 한 번만 추첨할 수 있습니다.'), form);
}

function drawProof(box, detail, draw) {
  fill(box, h('h2', { id: 'draw-title', tabindex: '-1' }, '추첨 결과'),
    h('ol', { class: 'winners' }, (draw.winners ?? []).map((w) => h('li', {},
      `${w.name} (${w.phone}) · 참여번호 ${w.entryNumber} · ${label(ENTRY_PATHS, w.entryPath)}`))),
    h('details', {}, h('summary', {}, '공정성 증명 보기'),
      h('dl', { class: 'facts proof' },
        h('dt', {}, '추첨 시각'), h('dd', {}, dateTime(draw.drawnAt)),
        h('dt', {}, '방식'), h('dd', {}, `${draw.algorithm}${draw.visitBonus ? ` (방문 +${draw.visitBonus})` : ''} · ${draw.algorithmVersion ?? ''}`),
        h('dt', {}, '참여자 / 응모권'), h('dd', {}, `${number(draw.participantCount)}명 / ${number(draw.totalTickets)}장`),
        h('dt', {}, '약속값'), h('dd', { class: 'mono' }, draw.commitment ?? '—'),
        h('dt', {}, '공개된 시드'), h('dd', { class: 'mono' }, draw.seed ?? '—'),
        h('dt', {}, '참여자 스냅샷 해시'), h('dd', { class: 'mono' }, draw.snapshotHash ?? '—')),
      h('p', {}, '누구나 이 값으로 당첨자를 다시 계산해 볼 수 있습니다: ',
        h('a', { href: `/e/${detail.eventId}/draw` }, '추첨 검증 페이지'))));
}
