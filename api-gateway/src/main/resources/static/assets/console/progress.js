// Long work (AI analysis, image generation, distribution) shows what is happening and for how long, never a
// bare spinner: the stages with the current one marked, the elapsed seconds, and a live region for screen readers.
import { h, fill, pause, announce } from './dom.js';
import * as api from './api.js';

/**
 * Polls the event until its step leaves `waiting`, drawing progress into `box`; resolves with the last detail
 * (or null when the screen is left). stages: [[text, stepThatMeansThisStageRuns], …].
 */
export async function watchWork(box, eventId, { waiting, stages, title, since }, signal) {
  const started = since ? new Date(since).getTime() : Date.now();
  const elapsed = h('span', { class: 'elapsed' });
  const list = h('ol', { class: 'stages' });
  const status = h('p', { role: 'status', class: 'work-status' });
  fill(box, h('section', { class: 'card work', 'aria-busy': 'true' }, h('h2', {}, title), status, list,
    h('p', { class: 'muted' }, '경과 시간 ', elapsed, ' · 이 화면을 떠나도 작업은 계속됩니다.')));
  const tick = () => { elapsed.textContent = `${Math.max(0, Math.round((Date.now() - started) / 1000))}초`; };
  const clock = setInterval(tick, 1000);
  tick();
  let lastStep = null;
  try {
    while (!signal.aborted) {
      const detail = await api.get(`/api/v1/events/${eventId}`, signal);
      if (!waiting.includes(detail.step)) {
        announce(`${title} 완료`);
        return detail;
      }
      if (detail.step !== lastStep) {
        lastStep = detail.step;
        const at = stages.findIndex(([, step]) => step === detail.step);
        fill(list, stages.map(([text], i) => h('li', { class: i < at ? 'done' : i === at ? 'now' : 'todo' },
          i < at ? '✓ ' : i === at ? '▶ ' : '', text, i === at ? h('span', { class: 'visually-hidden' }, ' (진행 중)') : null)));
        status.textContent = stages[at]?.[0] ?? '처리 중';
      }
      await pause(1000, signal);
    }
    return null;
  } finally {
    clearInterval(clock);
  }
}

/**
 * Resolves with the event's detail once its step is one of `steps`. An owner's change is accepted before the
 * workflow has moved on, so a screen that depends on the next step waits for it (briefly) before drawing.
 */
export async function untilStep(eventId, steps, signal, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = await api.get(`/api/v1/events/${eventId}`, signal);
    if (steps.includes(detail.step) || Date.now() > deadline || signal?.aborted) return detail;
    await pause(300, signal);
  }
}
