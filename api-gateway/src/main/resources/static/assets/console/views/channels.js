// Channels: the six channels, each with its own settings, the period and the optional automatic draw; the API's
// validation shown at each field; then a readiness summary and the approval that starts distribution.
import { h, fill, dateTime } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { field, formAlert, showProblem, busy, setError, clearErrors } from '../forms.js';
import { eventHeader } from '../event-header.js';
import { untilStep } from '../progress.js';
import { CHANNELS, label } from '../labels.js';
import { CHANNEL_ORDER, CHANNEL_NOTES, settingsFields } from '../channel-settings.js';

const HOUR = 3_600_000;

/** datetime-local wants local wall-clock time without a zone. */
function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export async function channelsScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const body = h('div');
  fill(main, eventHeader(detail, 'channels', '채널과 기간'), body);
  if (['ANALYZING_TRENDS', 'SELECT_RECOMMENDATION', 'GENERATING_IMAGES', 'EDIT_CONTENT'].includes(detail.step)) {
    fill(body, h('p', { class: 'notice' }, '먼저 포스터를 정하세요.'), h('a', { class: 'button', href: `#/events/${detail.eventId}/poster` }, '포스터로 가기'));
    return;
  }
  const editable = ['SELECT_CHANNELS', 'READY_TO_PUBLISH'].includes(detail.step);
  const readiness = h('section', { class: 'card readiness' });
  fill(body, channelForm(detail, editable, readiness, signal), readiness);
  if (detail.step === 'READY_TO_PUBLISH') drawReadiness(readiness, detail);
  else if (!editable) drawReadiness(readiness, detail);
}

function channelForm(detail, editable, readiness, signal) {
  const chosen = new Map((detail.channels ?? []).map((c) => [c.type, c.settings ?? {}]));
  const rows = CHANNEL_ORDER.map((type) => {
    const box = h('input', { type: 'checkbox', name: 'channel', value: type, id: `channel-${type}`, checked: chosen.has(type) });
    const settings = settingsFields(type, chosen.get(type), detail);
    const extra = h('div', { class: 'channel-settings', hidden: !chosen.has(type) },
      settings.map((s) => (s.field ? s.field.wrapper : h('p', { class: 'muted' }, s.preview))));
    box.addEventListener('change', () => { extra.hidden = !box.checked; });
    return { type, box, settings, el: h('li', { class: 'card channel' },
      h('label', { class: 'check', for: box.id }, box, h('span', {}, h('strong', {}, label(CHANNELS, type)), h('br'), h('span', { class: 'muted' }, CHANNEL_NOTES[type]))),
      extra) };
  });
  const start = detail.startAt ? new Date(detail.startAt) : new Date(Math.ceil((Date.now() + HOUR) / HOUR) * HOUR);
  const end = detail.endAt ? new Date(detail.endAt) : new Date(start.getTime() + 7 * 24 * HOUR);
  const startAt = field({ label: '시작', apiField: 'startAt', type: 'datetime-local', value: localInput(start) });
  const endAt = field({ label: '종료', apiField: 'endAt', type: 'datetime-local', value: localInput(end) });
  const auto = h('input', { type: 'checkbox', id: 'auto-draw', name: 'autoDraw' });
  const winnerCount = field({ label: '당첨자 수', apiField: 'autoDraw.winnerCount', type: 'number', min: 1, value: '3' });
  const algorithm = field({ label: '추첨 방식', apiField: 'autoDraw.algorithm', kind: 'select', value: 'WEIGHTED', options: [['WEIGHTED', '매장 방문 가산(가중치)'], ['RANDOM', '완전 무작위']] });
  const visitBonus = field({ label: '매장 방문 가산 응모권', apiField: 'autoDraw.visitBonus', type: 'number', min: 1, max: 3, value: '2', hint: '1~3장 추가' });
  const autoFields = h('div', { hidden: true }, winnerCount.wrapper, algorithm.wrapper, visitBonus.wrapper);
  auto.addEventListener('change', () => { autoFields.hidden = !auto.checked; });
  const submit = h('button', { type: 'submit' }, '채널과 기간 저장');
  const form = h('form', { novalidate: true },
    h('fieldset', {}, h('legend', {}, '알릴 채널 (하나 이상)'), h('ul', { class: 'plain channels' }, rows.map((r) => r.el)),
      h('p', { class: 'field-error', id: 'channels-error', 'data-api-field': 'channels', tabindex: '-1' })),
    h('fieldset', { class: 'card' }, h('legend', {}, '이벤트 기간'), h('div', { class: 'two' }, startAt.wrapper, endAt.wrapper)),
    h('fieldset', { class: 'card' }, h('legend', {}, '자동 추첨 (선택)'),
      h('label', { class: 'check', for: 'auto-draw' }, auto, '이벤트가 끝나면 자동으로 당첨자를 뽑고 알림을 보냅니다'), autoFields),
    formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors(form);
    const picked = rows.filter((r) => r.box.checked);
    let broken = null;
    for (const r of picked) {
      for (const s of r.settings.filter((x) => x.field)) {
        const message = s.check(s.field.control.value.trim());
        s.field.setError(message);
        if (message && !broken) broken = s.field.control;
      }
    }
    if (broken) {
      broken.focus();
      return;
    }
    const iso = (control) => (control.value ? new Date(control.value).toISOString() : null);
    const request = {
      channels: picked.map((r) => ({
        type: r.type,
        settings: Object.fromEntries(r.settings.filter((s) => s.key && s.field.control.value.trim()).map((s) => [s.key, s.field.control.value.trim()])),
      })),
      startAt: iso(startAt.control), endAt: iso(endAt.control),
      autoDraw: auto.checked ? { winnerCount: Number(winnerCount.control.value), algorithm: algorithm.control.value, visitBonus: Number(visitBonus.control.value) } : null,
    };
    busy(submit, '저장하는 중…', async () => {
      try {
        await api.put(`/api/v1/events/${detail.eventId}/channels`, request);
        drawReadiness(readiness, await untilStep(detail.eventId, ['READY_TO_PUBLISH'], signal));
        readiness.querySelector('h2').focus();
      } catch (error) {
        const channelsError = form.querySelector('#channels-error');
        showProblem(form, error);
        if (channelsError.textContent) channelsError.focus();
      }
    });
  });
  if (!editable) form.querySelectorAll('input, select, textarea, button').forEach((el) => { el.disabled = true; });
  return form;
}

/** What will be published, and the approval button when everything is there. */
function drawReadiness(box, detail) {
  const checks = [
    ['포스터와 문구', Boolean(detail.imageId && detail.title)],
    ['채널', (detail.channels ?? []).length > 0],
    ['기간', Boolean(detail.startAt && detail.endAt)],
  ];
  const ready = detail.step === 'READY_TO_PUBLISH' && checks.every(([, ok]) => ok);
  const approve = h('button', { type: 'button', disabled: !ready }, '승인하고 배포 시작');
  const alert = h('p', { class: 'form-alert error', role: 'alert', tabindex: '-1' });
  approve.addEventListener('click', () => busy(approve, '승인하는 중…', async () => {
    try {
      await api.post(`/api/v1/events/${detail.eventId}/publish`);
      go(`/events/${detail.eventId}/distribution`);
    } catch (error) {
      showProblem(box, error);
    }
  }));
  box.setAttribute('aria-labelledby', 'readiness-title');
  fill(box, h('h2', { id: 'readiness-title', tabindex: '-1' }, '배포 준비 확인'),
    h('ul', { class: 'plain checks' }, checks.map(([text, ok]) => h('li', { class: ok ? 'ok' : 'error' }, ok ? '✓ ' : '✗ ', text))),
    h('dl', { class: 'facts' },
      h('dt', {}, '제목'), h('dd', {}, detail.title ?? '—'),
      h('dt', {}, '경품'), h('dd', {}, detail.prize ?? '—'),
      h('dt', {}, '채널'), h('dd', {}, (detail.channels ?? []).map((c) => label(CHANNELS, c.type)).join(', ') || '—'),
      h('dt', {}, '기간'), h('dd', {}, `${dateTime(detail.startAt)} ~ ${dateTime(detail.endAt)}`)),
    detail.step === 'READY_TO_PUBLISH' ? [alert, approve]
      : h('p', { class: 'muted' }, ['SELECT_CHANNELS'].includes(detail.step) ? '채널과 기간을 저장하면 승인할 수 있습니다.' : '이미 승인된 이벤트입니다.'));
}
