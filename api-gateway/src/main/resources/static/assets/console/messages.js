// The API names each broken rule in English ({field, rule, message}); the owner reads Korean. Known messages are
// translated here, anything else is shown as the API said it.
const EXACT = {
  'is required': '필수 항목입니다.',
  'must be a valid email address': '올바른 이메일 주소를 입력하세요.',
  'must be at least 2 characters of Hangul or Latin letters': '이름은 한글 또는 영문 2자 이상으로 입력하세요.',
  'must be 8-64 characters with at least one letter, one digit and one special character':
    '비밀번호는 8~64자이며 영문, 숫자, 특수문자를 하나 이상씩 포함해야 합니다.',
  'must be a mobile phone number of 10-11 digits starting with 01 (e.g. 010-1234-5678)':
    '01로 시작하는 10~11자리 휴대폰 번호를 입력하세요. (예: 010-1234-5678)',
  'must be a 10-digit business registration number with a valid check digit':
    '올바른 사업자등록번호 10자리가 아닙니다. 번호를 다시 확인하세요.',
  'must be one of 음식점, 카페, 소매점, 미용, 학원, 숙박, 헬스, 기타': '업종을 목록에서 고르세요.',
  'is already registered': '이미 가입되어 있습니다.',
  'must be after startAt': '종료 시각은 시작 시각보다 뒤여야 합니다.',
  'must be in the future': '종료 시각은 지금 이후여야 합니다.',
  'choose at least one channel': '채널을 하나 이상 고르세요.',
  'must be a colour like #FF5500': '#FF5500 같은 색상 코드를 입력하세요.',
  'must be RANDOM or WEIGHTED': '추첨 방식을 고르세요.',
  'must be at least 1': '1 이상이어야 합니다.',
  'must be 1-3': '1~3 사이로 입력하세요.',
  'must be 1-3 (default 2)': '1~3 사이로 입력하세요.',
  'must be a whole number greater than 0': '1 이상의 정수를 입력하세요.',
  'must be one of the generated images': '만들어진 포스터 중에서 고르세요.',
  'has the wrong type or an unknown value': '형식이 올바르지 않습니다.',
};

const PATTERNS = [
  [/^must be (\d+)-(\d+) characters$/, (m) => `${m[1]}~${m[2]}자로 입력하세요.`],
  [/^must be at most (\d+) characters$/, (m) => `${m[1]}자 이하로 입력하세요.`],
];

export function korean(message) {
  if (!message) return '';
  if (EXACT[message]) return EXACT[message];
  for (const [pattern, make] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return make(match);
  }
  return message;
}

/** What to say about a failed request that names no field. */
export function problemText(error) {
  if (error.status === 404) return '찾을 수 없습니다. 주소를 확인하거나 대시보드로 돌아가세요.';
  if (error.status === 429) {
    return error.retryAfter ? `시도가 너무 많습니다. ${error.retryAfter}초 후 다시 시도하세요.` : '시도가 너무 많습니다. 잠시 후 다시 시도하세요.';
  }
  if (error.status === 409) return `지금은 할 수 없습니다: ${korean(error.problem.detail) || '상태가 바뀌었습니다'}`;
  if (!error.status) return '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.';
  const detail = error.problem.detail && !/^(Invalid request|validation failed)/i.test(error.problem.detail)
    ? korean(error.problem.detail) : '';
  return detail || error.problem.title || '요청을 처리하지 못했습니다.';
}
