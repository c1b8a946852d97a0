// Posters: the style previews the content step made, grouped by style; the owner picks one and edits the words
// and colours, and the poster is re-drawn by the server as he edits (each change is a PUT /content).
import { h, fill, announce } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { field, formAlert, showProblem, busy, clearErrors } from '../forms.js';
import { eventHeader } from '../event-header.js';
import { watchWork, untilStep } from '../progress.js';
import { STYLES, label } from '../labels.js';

const STAGES = [['배경 그림을 만들고 글자와 QR 코드를 얹는 중', 'GENERATING_IMAGES'], ['포스터 준비 완료', 'EDIT_CONTENT']];
const DEFAULT_COLORS = { background: '#FFF8E1', text: '#212121', accent: '#C8102E' };
const REDRAW_DELAY_MS = 700;

export async function posterScreen(main, { id }, signal) {
  const detail = await api.get(`/api/v1/events/${encodeURIComponent(id)}`, signal);
  const body = h('div');
  fill(main, eventHeader(detail, 'poster', '포스터 만들기'), body);
  if (detail.step === 'GENERATING_IMAGES') {
    watchWork(body, detail.eventId, { waiting: ['GENERATING_IMAGES'], stages: STAGES, title: '포스터를 그리는 중', since: detail.updatedAt }, signal)
      .then((done) => done && go(`/events/${detail.eventId}/poster`))
      .catch((error) => signal.aborted || fill(body, h('p', { class: 'notice error' }, error.message)));
    return;
  }
  const { images, selectedImageId } = await api.get(`/api/v1/events/${detail.eventId}/images`, signal);
  if (!images.length) {
    fill(body, h('p', { class: 'notice' }, '아직 포스터가 없습니다. 먼저 기획에서 추천안을 고르세요.'),
      h('a', { class: 'button', href: `#/events/${detail.eventId}/plan` }, '기획으로 가기'));
    return;
  }
  drawEditor(body, detail, images, selectedImageId ?? detail.imageId ?? images[0].imageId);
}

function byStyle(images) {
  const groups = new Map();
  for (const image of images) {
    if (!groups.has(image.style)) groups.set(image.style, []);
    groups.get(image.style).push(image);
  }
  return groups;
}

function drawEditor(body, detail, images, selectedId) {
  const editable = ['EDIT_CONTENT', 'SELECT_CHANNELS', 'READY_TO_PUBLISH'].includes(detail.step);
  const preview = h('img', { class: 'poster-preview', alt: '선택한 포스터 미리보기', src: images.find((i) => i.imageId === selectedId)?.url ?? images[0].url });
  const previewNote = h('p', { class: 'muted', role: 'status' });
  const picker = h('fieldset', { class: 'styles' }, h('legend', {}, '스타일 고르기'),
    [...byStyle(images)].map(([style, group]) => h('div', { class: 'style-group' },
      h('h3', {}, label(STYLES, style)),
      h('ul', { class: 'plain thumbs' }, group.map((image) => h('li', {}, h('label', { class: 'thumb' },
        h('input', { type: 'radio', name: 'imageId', value: image.imageId, checked: image.imageId === selectedId, disabled: !editable, 'data-api-field': 'imageId' }),
        h('img', { src: image.url, alt: `${label(STYLES, style)} 스타일 ${image.width}×${image.height}`, loading: 'lazy' }),
        h('span', { class: 'muted' }, `${image.width}×${image.height}`))))))));
  const colors = detail.colors ?? DEFAULT_COLORS;
  const f = {
    title: field({ label: '제목', apiField: 'title', value: detail.title ?? '', maxlength: 100 }),
    prize: field({ label: '경품', apiField: 'prize', value: detail.prize ?? '', maxlength: 100 }),
    guide: field({ label: '참여 안내 문구', apiField: 'guide', kind: 'textarea', rows: 3, maxlength: 1000 }),
    background: field({ label: '배경색', apiField: 'colors.background', type: 'color', value: colors.background }),
    text: field({ label: '글자색', apiField: 'colors.text', type: 'color', value: colors.text }),
    accent: field({ label: '강조색', apiField: 'colors.accent', type: 'color', value: colors.accent }),
  };
  f.guide.control.value = detail.guide ?? detail.participationMethod ?? '';
  const next = h('button', { type: 'submit' }, '다음: 채널 고르기');
  const form = h('form', { novalidate: true, class: 'poster-editor' },
    h('div', { class: 'poster-stage' }, preview, previewNote),
    h('div', { class: 'card' }, picker, f.title.wrapper, f.prize.wrapper, f.guide.wrapper,
      h('div', { class: 'colors' }, f.background.wrapper, f.text.wrapper, f.accent.wrapper), formAlert(), next));
  const content = () => ({
    imageId: form.querySelector('input[name=imageId]:checked')?.value ?? selectedId,
    title: f.title.control.value.trim(), prize: f.prize.control.value.trim(), guide: f.guide.control.value.trim(),
    colors: { background: f.background.control.value.toUpperCase(), text: f.text.control.value.toUpperCase(), accent: f.accent.control.value.toUpperCase() },
  });
  const save = async () => {
    const saved = await api.put(`/api/v1/events/${detail.eventId}/content`, content());
    clearErrors(form);
    if (saved.imageUrl) preview.src = saved.imageUrl;
    previewNote.textContent = '수정한 내용으로 포스터를 다시 그렸습니다.';
    announce(previewNote.textContent);
    return saved;
  };
  let timer = null;
  form.addEventListener('change', () => {
    const picked = images.find((i) => i.imageId === content().imageId);
    if (picked) preview.src = picked.url;
    clearTimeout(timer);
    previewNote.textContent = '다시 그리는 중…';
    timer = setTimeout(() => save().catch((error) => { previewNote.textContent = ''; showProblem(form, error); }), REDRAW_DELAY_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    busy(next, '저장하는 중…', async () => {
      try {
        await save();
        await untilStep(detail.eventId, ['SELECT_CHANNELS', 'READY_TO_PUBLISH']);
        go(`/events/${detail.eventId}/channels`);
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  const regenerate = h('button', { type: 'button', class: 'secondary', disabled: detail.step !== 'EDIT_CONTENT' }, '포스터 새로 만들기');
  regenerate.addEventListener('click', () => busy(regenerate, '요청하는 중…', async () => {
    try {
      await api.post(`/api/v1/events/${detail.eventId}/images/regenerate`);
      await untilStep(detail.eventId, ['GENERATING_IMAGES'], undefined, 3000);
      go(`/events/${detail.eventId}/poster`);
    } catch (error) {
      showProblem(form, error);
    }
  }));
  if (!editable) form.querySelectorAll('input, textarea, button').forEach((el) => { el.disabled = true; });
  fill(body, h('p', { class: 'muted' }, '마음에 드는 스타일을 고르고 문구와 색을 바꿔 보세요. 바꿀 때마다 포스터를 다시 그립니다.'),
    form, editable ? regenerate : h('p', { class: 'muted' }, '승인된 이벤트의 포스터는 바꿀 수 없습니다.'));
}
