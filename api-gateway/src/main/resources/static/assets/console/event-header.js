// The top of every event screen: title, status and step, and the event's sections (those not reachable yet at the
// event's step are shown but not linked).
import { h } from './dom.js';
import { STATUSES, STEPS, label } from './labels.js';

const ORDER = ['ANALYZING_TRENDS', 'SELECT_RECOMMENDATION', 'GENERATING_IMAGES', 'EDIT_CONTENT', 'SELECT_CHANNELS',
  'READY_TO_PUBLISH', 'DISTRIBUTING', 'SCHEDULED', 'ACTIVE', 'ENDED'];

const SECTIONS = [
  ['plan', '기획', 'ANALYZING_TRENDS'],
  ['poster', '포스터', 'GENERATING_IMAGES'],
  ['channels', '채널', 'SELECT_CHANNELS'],
  ['distribution', '배포', 'DISTRIBUTING'],
  ['running', '운영', 'SCHEDULED'],
  ['results', '결과', 'SCHEDULED'],
];

/** Where the owner should be for the event's step. */
export function sectionFor(step) {
  if (['ANALYZING_TRENDS', 'SELECT_RECOMMENDATION'].includes(step)) return 'plan';
  if (['GENERATING_IMAGES', 'EDIT_CONTENT'].includes(step)) return 'poster';
  if (['SELECT_CHANNELS', 'READY_TO_PUBLISH'].includes(step)) return 'channels';
  if (step === 'DISTRIBUTING') return 'distribution';
  if (['SCHEDULED', 'ACTIVE', 'ENDED'].includes(step)) return 'running';
  return null;
}

function reached(step, from) {
  const at = ORDER.indexOf(step);
  return at < 0 || at >= ORDER.indexOf(from);
}

/** heading: the screen's own name, shown in the h1 after the event's title. */
export function eventHeader(detail, current, heading) {
  const title = detail.title ?? `이벤트 #${detail.eventId}`;
  return h('header', { class: 'event-header' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '대시보드'), ' › ', title),
    h('h1', {}, heading),
    h('p', { class: 'badges' },
      h('span', { class: `badge status-${detail.status}` }, label(STATUSES, detail.status)), ' ',
      h('span', { class: 'badge' }, `단계: ${label(STEPS, detail.step)}`)),
    h('nav', { class: 'sections', 'aria-label': '이벤트 메뉴' }, h('ul', {}, SECTIONS.map(([key, text, from]) => h('li', {},
      key === current
        ? h('a', { href: `#/events/${detail.eventId}/${key}`, 'aria-current': 'page' }, text)
        : reached(detail.step, from)
          ? h('a', { href: `#/events/${detail.eventId}/${key}` }, text)
          : h('span', { class: 'muted' }, text))))));
}
