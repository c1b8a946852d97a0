// New event: the owner only picks the purpose; the AI plans the rest.
import { h, fill } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { formAlert, showProblem, busy } from '../forms.js';
import { OBJECTIVES } from '../labels.js';

const WHY = {
  NEW_CUSTOMERS: '처음 오는 손님을 늘리고 싶을 때',
  REVISIT: '한 번 온 손님이 다시 오게 하고 싶을 때',
  SALES: '객단가와 매출을 올리고 싶을 때',
  AWARENESS: '동네에 가게를 알리고 싶을 때',
};

export async function newEventScreen(main) {
  const submit = h('button', { type: 'submit' }, 'AI에게 기획 맡기기');
  const options = Object.entries(OBJECTIVES).map(([value, text], i) => h('label', { class: 'choice card' },
    h('input', { type: 'radio', name: 'objective', value, checked: i === 0, 'data-api-field': 'objective', id: `objective-${value}` }),
    h('span', {}, h('strong', {}, text), h('br'), h('span', { class: 'muted' }, WHY[value]))));
  const form = h('form', { novalidate: true },
    h('fieldset', {}, h('legend', {}, '이벤트 목적'), options),
    h('p', { id: 'objective-error', class: 'field-error' }),
    formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const objective = form.querySelector('input[name=objective]:checked')?.value;
    busy(submit, '시작하는 중…', async () => {
      try {
        const created = await api.post('/api/v1/events', { objective });
        go(`/events/${created.eventId}/plan`);
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  fill(main, h('h1', {}, '새 이벤트'),
    h('p', { class: 'muted' }, '무엇을 위한 이벤트인가요? 고르기만 하면 AI가 업종·지역·계절 트렌드를 분석해 세 가지 안을 제안합니다.'),
    form);
}
