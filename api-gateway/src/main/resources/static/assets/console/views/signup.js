// Sign up: the owner and his store. Every rule is checked as he leaves a field (the business number as he types)
// and the API's own answer is shown at the field it names.
import { h, fill } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { field, formAlert, showProblem, busy, setError } from '../forms.js';
import { RULES } from '../signup-rules.js';
import { BUSINESS_TYPES } from '../labels.js';

export async function signupScreen(main) {
  const fields = {
    name: field({ label: '이름', apiField: 'name', autocomplete: 'name', hint: '한글 또는 영문 2자 이상', required: true }),
    phone: field({ label: '휴대폰 번호', apiField: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: '예: 010-1234-5678', required: true }),
    email: field({ label: '이메일 (로그인 아이디)', apiField: 'email', type: 'email', autocomplete: 'email', required: true }),
    password: field({ label: '비밀번호', apiField: 'password', type: 'password', autocomplete: 'new-password', hint: '8자 이상, 영문·숫자·특수문자 포함', required: true }),
    'store.name': field({ label: '가게 이름', apiField: 'store.name', autocomplete: 'organization', required: true }),
    'store.businessType': field({
      label: '업종', apiField: 'store.businessType', kind: 'select', required: true, value: '',
      options: [['', '업종을 고르세요'], ...BUSINESS_TYPES.map((t) => [t, t])],
    }),
    'store.address': field({ label: '가게 주소', apiField: 'store.address', autocomplete: 'street-address', required: true }),
    'store.businessHours': field({ label: '영업시간 (선택)', apiField: 'store.businessHours', hint: '예: 11:00-22:00' }),
    'store.businessNumber': field({ label: '사업자등록번호', apiField: 'store.businessNumber', inputmode: 'numeric', hint: '숫자 10자리, 예: 123-45-67890', required: true }),
  };
  const check = (name) => {
    const { control } = fields[name];
    const message = RULES[name](control.value);
    setError(control, message);
    return message === '';
  };
  for (const name of Object.keys(fields)) {
    fields[name].control.addEventListener('blur', () => { if (fields[name].control.value) check(name); });
  }
  const businessNumber = fields['store.businessNumber'].control;
  const verdict = h('p', { class: 'ok', 'aria-live': 'polite' });
  businessNumber.addEventListener('input', () => {
    const digits = businessNumber.value.replace(/\D/g, '');
    verdict.textContent = '';
    if (digits.length >= 10) {
      if (check('store.businessNumber')) verdict.textContent = '✓ 올바른 사업자등록번호입니다.';
    } else {
      setError(businessNumber, '');
    }
  });
  fields['store.businessNumber'].wrapper.append(verdict);

  const submit = h('button', { type: 'submit' }, '가입하고 시작하기');
  const form = h('form', { novalidate: true, class: 'card' },
    h('fieldset', {}, h('legend', {}, '사장님 정보'), ['name', 'phone', 'email', 'password'].map((n) => fields[n].wrapper)),
    h('fieldset', {}, h('legend', {}, '가게 정보'),
      ['store.name', 'store.businessType', 'store.address', 'store.businessHours', 'store.businessNumber'].map((n) => fields[n].wrapper)),
    formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const broken = Object.keys(fields).filter((name) => !check(name));
    if (broken.length) {
      fields[broken[0]].control.focus();
      return;
    }
    const value = (name) => fields[name].control.value.trim();
    busy(submit, '가입하는 중…', async () => {
      try {
        await api.signIn('/api/v1/users/register', {
          name: value('name'), phone: value('phone'), email: value('email'), password: fields.password.control.value,
          store: {
            name: value('store.name'), businessType: value('store.businessType'), address: value('store.address'),
            businessHours: value('store.businessHours') || null, businessNumber: value('store.businessNumber'),
          },
        });
        go('/');
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  fill(main, h('h1', {}, '회원가입'),
    h('p', { class: 'muted' }, '가입하면 바로 첫 이벤트를 만들 수 있어요.'),
    form,
    h('p', {}, '이미 가입하셨나요? ', h('a', { href: '#/login' }, '로그인')));
}
