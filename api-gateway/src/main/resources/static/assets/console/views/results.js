// Results: four summary cards, per-channel performance, the timeline and hours of the day as charts, comparison
// with earlier events; the cards follow the SSE stream and the charts are re-read when the numbers move.
import { h, fill, number, percent } from '../dom.js';
import * as api from '../api.js';
import { eventHeader } from '../event-header.js';
import { barChart, columnChart } from '../charts.js';
import { followSummary } from '../stream.js';
import { CHANNELS, DISTRIBUTION, ENTRY_PATHS, label } from '../labels.js';

export async function resultsScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const summary = await api.get(`/api/v1/events/${detail.eventId}/analytics`, signal);
  const cards = h('section', { class: 'cards', 'aria-label': '요약' });
  const live = h('p', { class: 'muted live-state', role: 'status' }, '실시간 연결 중…');
  const charts = h('div', { class: 'charts' });
  const comparison = h('section', { class: 'card', 'aria-labelledby': 'comparison-title' });
  fill(main, eventHeader(detail, 'results', '이벤트 결과'), live, cards, charts, comparison);
  drawCards(cards, summary);
  drawComparison(comparison, summary.comparison);
  await drawCharts(charts, detail.eventId, signal);
  let version = summary.version;
  let redrawing = null;
  followSummary(detail.eventId, (next) => {
    drawCards(cards, next);
    drawComparison(comparison, next.comparison);
    if (next.version !== version && !redrawing) {
      version = next.version;
      redrawing = drawCharts(charts, detail.eventId, signal).catch(() => null).finally(() => { redrawing = null; });
    }
  }, (state) => { live.textContent = state === 'live' ? '● 실시간으로 갱신 중' : '연결이 끊겨 다시 연결하는 중…'; }, signal)
    .catch(() => { live.textContent = '실시간 갱신을 쓸 수 없습니다. 새로고침하면 최신 숫자를 봅니다.'; });
}

function card(title, value, ...notes) {
  return h('article', { class: 'card stat' }, h('h2', {}, title), h('p', { class: 'stat-value' }, value), ...notes.filter(Boolean).map((n) => h('p', { class: 'muted' }, n)));
}

function drawCards(box, summary) {
  const { participants, impressions, roi, salesGrowth } = summary.cards;
  fill(box,
    card('참여자', `${number(participants.count)}명`,
      participants.expected ? `목표 ${number(participants.expected)}명 대비 ${percent(participants.achievementRate)}` : null),
    card('노출', `${number(impressions.total)}회`, `조회 ${number(impressions.views)}회`, impressions.stale ? '일부 채널 통계가 늦어지고 있습니다' : null),
    card('예상 ROI', percent(roi.expected),
      roi.businessTypeAverage !== null ? `${roi.businessType} 평균 ${percent(roi.businessTypeAverage)} (${roi.comparedEvents}개 이벤트)` : '같은 업종 비교 데이터가 아직 없습니다'),
    card('매출 증가', salesGrowth.value === null ? '—' : percent(salesGrowth.value), salesGrowth.value === null ? '매출 데이터(POS)가 연결되면 보여 드립니다' : null));
}

async function drawCharts(box, eventId, signal) {
  const [channels, timeline] = await Promise.all([
    api.get(`/api/v1/events/${eventId}/analytics/channels`, signal),
    api.get(`/api/v1/events/${eventId}/analytics/timeline`, signal)]);
  const time = (iso) => new Date(iso).toLocaleString('ko-KR', { month: 'numeric', day: 'numeric', hour: 'numeric' });
  fill(box,
    h('section', { class: 'card' }, h('h2', {}, '채널별 성과'),
      channels.channels.length ? [
        barChart('채널별 참여자', channels.channels.map((c) => ({ label: label(CHANNELS, c.channel), value: c.participants })), '명'),
        barChart('채널별 노출·조회', channels.channels.map((c) => ({ label: label(CHANNELS, c.channel), value: c.impressions ?? c.views ?? 0 })), '회'),
        h('table', {}, h('caption', {}, '채널별 전환율'),
          h('thead', {}, h('tr', {}, ['채널', '상태', '참여', '전환율'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, channels.channels.map((c) => h('tr', {}, h('td', {}, label(CHANNELS, c.channel)), h('td', {}, label(DISTRIBUTION, c.distributionStatus)),
            h('td', {}, number(c.participants)), h('td', {}, percent(c.conversionRate))))))]
        : h('p', { class: 'muted' }, '배포된 채널이 없습니다.')),
    h('section', { class: 'card' }, h('h2', {}, '참여 경로'),
      channels.entryPaths.length ? barChart('참여 경로별 참여자', channels.entryPaths.map((p) => ({ label: label(ENTRY_PATHS, p.entryPath), value: p.participants })), '명')
        : h('p', { class: 'muted' }, '아직 참여자가 없습니다.')),
    h('section', { class: 'card' }, h('h2', {}, '시간에 따른 참여'),
      timeline.buckets.length ? columnChart('시간대별 참여자 추이', timeline.buckets.map((b) => ({ label: time(b.start), value: b.participants })), '명')
        : h('p', { class: 'muted' }, '아직 참여 기록이 없습니다.'),
      columnChart('하루 중 시간별 참여자', timeline.hourOfDay.map((b) => ({ label: `${b.hour}시`, value: b.participants })), '명')));
}

function drawComparison(box, comparison) {
  const title = h('h2', { id: 'comparison-title' }, '지난 이벤트와 비교');
  if (!comparison || !comparison.earlierEvents) {
    fill(box, title, h('p', { class: 'muted' }, '첫 이벤트입니다. 다음 이벤트부터 비교해 드립니다.'));
    return;
  }
  fill(box, title,
    h('p', {}, `지난 ${comparison.earlierEvents}개 이벤트 평균 참여 ${number(Math.round(comparison.averageParticipants ?? 0))}명`,
      comparison.participantsChange !== null ? ` · 이번 이벤트 ${comparison.participantsChange >= 0 ? '+' : ''}${percent(comparison.participantsChange)}` : ''),
    barChart('이벤트별 참여자', comparison.events.map((e) => ({ label: e.title ?? `#${e.eventId}`, value: e.participants })), '명'));
}
