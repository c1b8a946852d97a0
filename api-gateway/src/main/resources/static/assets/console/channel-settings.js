// What each channel lets the owner set, as fields, and the checks the channel adapters rely on (a bad radius
// would only fail later, at publishing, so it is caught here at the field).
import { field } from './forms.js';

const SLOT = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

export const CHANNEL_ORDER = ['URIDONGNETV', 'RINGOBIZ', 'GINITV', 'INSTAGRAM', 'NAVER_BLOG', 'KAKAO_CHANNEL'];

export const CHANNEL_NOTES = {
  URIDONGNETV: '가게 주변 동네 TV 화면에 포스터를 띄웁니다.',
  RINGOBIZ: '가게로 전화한 손님에게 이벤트 안내 통화연결음이 나갑니다.',
  GINITV: '지니TV 광고로 등록합니다.',
  INSTAGRAM: '가게 계정에 포스터와 안내 글을 올립니다.',
  NAVER_BLOG: '블로그에 이벤트 글을 씁니다.',
  KAKAO_CHANNEL: '카카오 채널 친구에게 소식을 보냅니다.',
};

/** The settings fields of one channel: [{key, field, check(value) → Korean message or ''}]. */
export function settingsFields(type, saved = {}, detail = {}) {
  if (type === 'URIDONGNETV') {
    return [
      {
        key: 'radiusMeters',
        field: field({ label: '노출 반경 (미터)', apiField: `settings.${type}.radiusMeters`, type: 'number', min: 100, max: 5000, step: 100, value: saved.radiusMeters ?? '500', hint: '100~5,000m' }),
        check: (v) => (/^\d+$/.test(v) && Number(v) >= 100 && Number(v) <= 5000 ? '' : '반경은 100~5,000 사이의 숫자로 입력하세요.'),
      },
      {
        key: 'timeSlots',
        field: field({ label: '노출 시간대', apiField: `settings.${type}.timeSlots`, value: saved.timeSlots ?? '11:00-14:00,17:00-22:00', hint: '쉼표로 구분, 예: 11:00-14:00,17:00-22:00' }),
        check: (v) => (v.split(',').map((s) => s.trim()).every((s) => SLOT.test(s)) ? '' : '시간대는 11:00-14:00처럼 쓰고 쉼표로 구분하세요.'),
      },
    ];
  }
  if (type === 'GINITV') {
    return [{
      key: 'targetRegion',
      field: field({ label: '광고 지역 (선택)', apiField: `settings.${type}.targetRegion`, value: saved.targetRegion ?? '', hint: '비워 두면 가게 주소의 지역', maxlength: 50 }),
      check: (v) => (v.length <= 50 ? '' : '50자 이내로 입력하세요.'),
    }];
  }
  if (type === 'RINGOBIZ') {
    return [{
      key: null,
      preview: `통화연결음 문구: 「안녕하세요, (가게 이름)입니다. 지금 ${detail.title ?? '(이벤트)'} 이벤트 중! 경품은 ${detail.prize ?? '(경품)'}입니다.」`,
    }];
  }
  return [];
}
