// Planning: the AI's progress, then the trend summary and the three recommendations side by side; the owner picks
// one and may edit its title, prize and participation method.
import { h, fill, number, won, percent } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { field, formAlert, showProblem, busy } from '../forms.js';
import { eventHeader } from '../event-header.js';
import { watchWork, untilStep } from '../progress.js';

const STAGES = [['업종·지역·계절 트렌드를 분석하고 추천안 3개를 만드는 중', 'ANALYZING_TRENDS'], ['추천안 준비 완료', 'SELECT_RECOMMENDATION']];

export async function planScreen(main, { id }, signal) {
  let detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const body = h('div');
  fill(main, eventHeader(detail, 'plan', 'AI 이벤트 기획'), body);
  if (detail.step === 'ANALYZING_TRENDS') {
    watchWork(body, detail.eventId, { waiting: ['ANALYZING_TRENDS'], stages: STAGES, title: 'AI가 기획하는 중', since: detail.createdAt }, signal)
      .then((done) => done && go(`/events/${detail.eventId}/plan`))
      .catch((error) => signal.aborted || fill(body, h('p', { class: 'notice error' }, error.message)));
    return;
  }
  const plan = await api.get(`/api/v1/events/${detail.eventId}/recommendations`, signal);
  drawPlan(body, detail, plan);
}

function drawPlan(body, detail, plan) {
  const choosing = detail.step === 'SELECT_RECOMMENDATION';
  const trends = plan.trends;
  const cards = plan.recommendations.map((r, i) => h('li', { class: 'card recommendation' },
    h('h3', {}, h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'recommendation', value: String(i), checked: i === (plan.selectedIndex ?? 0), disabled: !choosing }),
      `안 ${i + 1}. ${r.title}`)),
    h('dl', { class: 'facts' },
      h('dt', {}, '경품'), h('dd', {}, r.prize),
      h('dt', {}, '참여 방법'), h('dd', {}, r.participationMethod),
      h('dt', {}, '예상 참여'), h('dd', {}, `${number(r.expectedParticipants)}명`),
      h('dt', {}, '예상 비용'), h('dd', {}, won(r.estimatedCost)),
      h('dt', {}, '예상 ROI'), h('dd', {}, percent(r.expectedRoi))),
    r.description ? h('p', { class: 'muted' }, r.description) : null));
  fill(body,
    trends ? h('section', { class: 'card' }, h('h2', {}, '트렌드 요약'), h('p', {}, trends.summary),
      h('details', {}, h('summary', {}, '자세히 보기'),
        list('최근 3개월 잘 된 이벤트', trends.successfulEventTypes), list('인기 경품 TOP 5', trends.topPrizes),
        list('효과적인 참여 방법', trends.participationMethods), list('지역 특성', trends.regionalTraits))) : null,
    h('h2', { id: 'recs-title' }, '추천안 3가지'),
    h('ul', { class: 'plain recommendations', 'aria-labelledby': 'recs-title' }, cards),
    choosing ? editForm(detail, plan, body) : h('p', {}, '선택을 마쳤습니다. ',
      h('a', { class: 'button', href: `#/events/${detail.eventId}/poster` }, '포스터로 가기')));
}

function list(title, items) {
  return items?.length ? h('div', {}, h('h3', {}, title), h('ul', {}, items.map((t) => h('li', {}, t)))) : null;
}

function editForm(detail, plan, body) {
  const chosen = () => Number(body.querySelector('input[name=recommendation]:checked')?.value ?? 0);
  const title = field({ label: '이벤트 제목', apiField: 'title', hint: '2~100자' });
  const prize = field({ label: '경품', apiField: 'prize', hint: '1~100자' });
  const method = field({ label: '참여 방법', apiField: 'participationMethod', kind: 'textarea', rows: 3, hint: '2~300자' });
  const prefill = () => {
    const r = plan.recommendations[chosen()];
    title.control.value = r.title;
    prize.control.value = r.prize;
    method.control.value = r.participationMethod;
  };
  body.addEventListener('change', (e) => { if (e.target.name === 'recommendation') prefill(); });
  prefill();
  const submit = h('button', { type: 'submit' }, '이 안으로 결정하고 포스터 만들기');
  const form = h('form', { novalidate: true, class: 'card' }, h('h2', {}, '고른 안 다듬기'),
    title.wrapper, prize.wrapper, method.wrapper, formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, '저장하는 중…', async () => {
      try {
        await api.put(`/api/v1/events/${detail.eventId}/recommendation`, {
          index: chosen(), title: title.control.value.trim(), prize: prize.control.value.trim(),
          participationMethod: method.control.value.trim(),
        });
        await untilStep(detail.eventId, ['GENERATING_IMAGES', 'EDIT_CONTENT']);
        go(`/events/${detail.eventId}/poster`);
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  return form;
}
