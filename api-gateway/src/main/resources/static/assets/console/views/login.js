// Log in with email and password; a session that ended elsewhere leaves its reason to show here.
import { h, fill } from '../dom.js';
import * as api from '../api.js';
import { go } from '../router.js';
import { field, formAlert, showProblem, busy } from '../forms.js';

export async function loginScreen(main) {
  const notice = sessionStorage.getItem('kt.console.notice');
  sessionStorage.removeItem('kt.console.notice');
  const email = field({ label: '이메일', apiField: 'email', type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = field({ label: '비밀번호', apiField: 'password', type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, '로그인');
  const form = h('form', { novalidate: true, class: 'card' }, email.wrapper, password.wrapper, formAlert(), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(submit, '로그인 중…', async () => {
      try {
        await api.signIn('/api/v1/users/login', { email: email.control.value.trim(), password: password.control.value });
        go('/');
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  fill(main,
    h('h1', {}, '사장님 로그인'),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    h('p', { class: 'muted' }, '5분이면 우리 가게 이벤트를 만들어 여러 채널에 알릴 수 있어요.'),
    form,
    h('p', {}, '처음이신가요? ', h('a', { href: '#/signup' }, '회원가입')));
}
