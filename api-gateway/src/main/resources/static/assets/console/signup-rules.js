// The sign-up rules of the API (RegisterRequest, UserRules, BusinessNumbers), checked while the owner types so he
// hears about a mistake at once; the API checks them again and its answer wins.
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** The national business registration number's check digit (same weights as the API's BusinessNumbers). */
function businessNumberValid(raw) {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * WEIGHTS[i];
  sum += Math.floor((Number(digits[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** field name → (value) → Korean message, or '' when the value keeps the rule. */
export const RULES = {
  name: (v) => (/^[가-힣a-zA-Z][가-힣a-zA-Z ]*[가-힣a-zA-Z]$/.test(v.trim()) && v.trim().length <= 50
    ? '' : '이름은 한글 또는 영문 2~50자로 입력하세요.'),
  phone: (v) => (/^01\d{8,9}$/.test(v.replace(/[\s-]/g, ''))
    ? '' : '01로 시작하는 10~11자리 휴대폰 번호를 입력하세요. (예: 010-1234-5678)'),
  email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? '' : '올바른 이메일 주소를 입력하세요.'),
  password: (v) => (/^(?=.*[A-Za-z])(?=.*\d)(?=.*[^A-Za-z0-9\s]).{8,64}$/.test(v)
    ? '' : '비밀번호는 8~64자이며 영문, 숫자, 특수문자를 하나 이상씩 포함해야 합니다.'),
  'store.name': (v) => (v.trim() && v.trim().length <= 100 ? '' : '가게 이름을 100자 이내로 입력하세요.'),
  'store.businessType': (v) => (v ? '' : '업종을 고르세요.'),
  'store.address': (v) => (v.trim().length >= 5 && v.trim().length <= 300 ? '' : '주소를 5~300자로 입력하세요.'),
  'store.businessHours': (v) => (v.trim().length <= 100 ? '' : '영업시간은 100자 이내로 입력하세요.'),
  'store.businessNumber': (v) => {
    const digits = v.replace(/[\s-]/g, '');
    if (!/^\d{10}$/.test(digits)) return `사업자등록번호는 숫자 10자리입니다. (지금 ${digits.replace(/\D/g, '').length}자리)`;
    return businessNumberValid(v) ? '' : '검증번호가 맞지 않습니다. 사업자등록번호를 다시 확인하세요.';
  },
};
