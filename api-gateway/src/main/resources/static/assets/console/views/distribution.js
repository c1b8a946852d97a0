// Distribution: every channel's status, live (polled), the post's link when published, the reason when it failed,
// and a retry for a failed channel alone.
import { h, fill, pause, announce } from '../dom.js';
import * as api from '../api.js';
import { showProblem, busy } from '../forms.js';
import { eventHeader } from '../event-header.js';
import { CHANNELS, DISTRIBUTION, label } from '../labels.js';

const POLL_MS = 1500;

export async function distributionScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const header = h('div');
  const board = h('div', { class: 'card' });
  const summary = h('p', { role: 'status', class: 'work-status' });
  fill(main, header, summary, board);
  fill(header, eventHeader(detail, 'distribution', '채널 배포'));
  poll(detail, header, summary, board, signal);
}

async function poll(first, header, summary, board, signal) {
  let lastLine = '';
  let step = first.step;
  while (!signal.aborted) {
    try {
      const [detail, distribution] = await Promise.all([
        api.get(`/api/v1/events/${first.eventId}`, signal),
        api.get(`/api/v1/events/${first.eventId}/distribution`, signal)]);
      if (detail.step !== step) {
        step = detail.step;
        fill(header, eventHeader(detail, 'distribution', '채널 배포'));
      }
      drawBoard(board, detail, distribution.channels, signal);
      const line = sumUp(distribution.channels, detail);
      if (line !== lastLine) {
        summary.textContent = line;
        lastLine = line;
      }
    } catch (error) {
      if (signal.aborted) return;
      summary.textContent = '상태를 불러오지 못했습니다. 잠시 후 다시 확인합니다.';
    }
    await pause(POLL_MS, signal);
  }
}

function sumUp(channels, detail) {
  if (!channels.length) return '아직 배포를 시작하지 않았습니다. 채널 화면에서 승인하세요.';
  const count = (s) => channels.filter((c) => c.status === s).length;
  const parts = [`${channels.length}개 채널 중 ${count('PUBLISHED')}개 게시됨`];
  if (count('FAILED')) parts.push(`${count('FAILED')}개 실패`);
  const busyCount = count('PENDING') + count('PUBLISHING');
  if (busyCount) parts.push(`${busyCount}개 진행 중`);
  if (detail.status === 'ACTIVE') parts.push('이벤트 진행 중');
  return parts.join(' · ');
}

function drawBoard(board, detail, channels, signal) {
  // keep the focused retry button in place: redraw only rows whose state changed
  const rows = channels.map((c) => {
    const key = `${c.channel}|${c.status}|${c.attempts}|${c.postUrl ?? ''}|${c.lastError ?? ''}`;
    const existing = board.querySelector(`li[data-channel="${c.channel}"]`);
    if (existing && existing.dataset.key === key) return existing;
    return row(detail, c, key, signal);
  });
  if (!board.querySelector('ul')) {
    fill(board, h('h2', {}, '채널별 상태'), h('ul', { class: 'plain distribution' }, rows),
      h('p', {}, h('a', { href: `#/events/${detail.eventId}/running` }, '운영 화면으로 (참여자·추첨)')));
  } else {
    board.querySelector('ul').replaceChildren(...rows);
  }
}

/** The channel's own words from a Temporal failure text ("message='…', type='…', nonRetryable=…"). */
function reasonOf(lastError) {
  return lastError.match(/message='([^']*)'/)?.[1] ?? lastError;
}

function row(detail, c, key, signal) {
  const retryable = c.status === 'FAILED' && ['APPROVED', 'ACTIVE'].includes(detail.status);
  const alert = h('p', { class: 'form-alert error', role: 'alert', tabindex: '-1' });
  const item = h('li', { class: `channel-status status-${c.status}`, 'data-channel': c.channel, 'data-key': key },
    h('strong', {}, label(CHANNELS, c.channel)), ' ',
    h('span', { class: 'badge' }, label(DISTRIBUTION, c.status)),
    c.postUrl ? h('p', {}, h('a', { href: c.postUrl, target: '_blank', rel: 'noopener' }, '게시물 보기', h('span', { class: 'visually-hidden' }, ` (${label(CHANNELS, c.channel)})`))) : null,
    c.status === 'FAILED' && c.lastError ? h('p', { class: 'error' }, `실패 이유: ${reasonOf(c.lastError)}`) : null,
    c.attempts > 1 ? h('p', { class: 'muted' }, `시도 ${c.attempts}회`) : null,
    alert);
  if (retryable) {
    const retry = h('button', { type: 'button', class: 'secondary retry', 'data-channel': c.channel }, `${label(CHANNELS, c.channel)} 다시 시도`);
    retry.addEventListener('click', () => busy(retry, '다시 시도하는 중…', async () => {
      try {
        await api.post(`/api/v1/events/${detail.eventId}/distribution/${c.channel}/retry`, undefined, signal);
        announce(`${label(CHANNELS, c.channel)} 다시 게시를 시작했습니다.`);
      } catch (error) {
        showProblem(item, error);
      }
    }));
    item.append(retry);
  }
  return item;
}
