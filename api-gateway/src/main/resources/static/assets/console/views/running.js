// Running the event: the customer page's link, the posters to download, participants, the draw, and cancelling.
import { h, fill, dateTime } from '../dom.js';
import * as api from '../api.js';
import { eventHeader } from '../event-header.js';
import { participantsSection } from './participants.js';
import { drawSection } from './draw.js';
import { cancelSection } from './cancel.js';
import { PLATFORMS, STYLES, label } from '../labels.js';

export async function runningScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const [images, distribution] = await Promise.all([
    api.get(`/api/v1/events/${detail.eventId}/images`, signal),
    api.get(`/api/v1/events/${detail.eventId}/distribution`, signal)]);
  const started = ['SCHEDULED', 'ACTIVE', 'ENDED'].includes(detail.step) || ['APPROVED', 'ACTIVE', 'ENDED'].includes(detail.status);
  fill(main, eventHeader(detail, 'running', '이벤트 운영'),
    h('section', { class: 'card' }, h('h2', {}, '기간'), h('p', {}, `${dateTime(detail.startAt)} ~ ${dateTime(detail.endAt)}`),
      detail.status === 'APPROVED' ? h('p', { class: 'muted' }, '시작 시각이 되면 자동으로 「진행 중」이 됩니다.') : null),
    linkSection(detail),
    postersSection(images, distribution.channels),
    started ? participantsSection(detail.eventId, signal) : h('p', { class: 'notice' }, '이벤트가 승인되면 참여자를 여기서 봅니다.'),
    started ? await drawSection(detail, signal) : null,
    ['DRAFT', 'APPROVED', 'ACTIVE'].includes(detail.status) ? cancelSection(detail, distribution.channels) : null);
}

function linkSection(detail) {
  if (!detail.participationUrl) return null;
  return h('section', { class: 'card' }, h('h2', {}, '손님 참여 페이지'),
    h('p', {}, '포스터의 QR 코드와 모든 채널의 링크가 이 주소로 연결됩니다.'),
    h('p', {}, h('a', { href: detail.participationUrl, class: 'mono', id: 'participation-link' }, detail.participationUrl)),
    h('button', {
      type: 'button', class: 'secondary', onclick: async (e) => {
        await navigator.clipboard?.writeText(detail.participationUrl).catch(() => null);
        e.target.textContent = '주소를 복사했습니다';
      },
    }, '주소 복사'));
}

/** The posters of the chosen style, one per size, each with a download link. */
function postersSection(images, channels) {
  const selected = images.images.find((i) => i.imageId === images.selectedImageId);
  const shown = images.images.filter((i) => !selected || i.style === selected.style);
  if (!shown.length) return null;
  return h('section', { class: 'card' }, h('h2', {}, '채널별 포스터'),
    channels.length ? h('p', { class: 'muted' }, `게시 채널: ${channels.length}개`) : null,
    h('ul', { class: 'plain thumbs' }, shown.map((i) => h('li', {},
      h('img', { src: i.url, alt: `${label(STYLES, i.style)} 포스터 ${label(PLATFORMS, i.platform)} ${i.width}×${i.height}`, loading: 'lazy' }),
      h('a', { href: i.url, download: `poster-${i.platform}-${i.width}x${i.height}.png` }, `${label(PLATFORMS, i.platform)}용 내려받기`),
      h('span', { class: 'muted size' }, `${i.width}×${i.height}`)))));
}
