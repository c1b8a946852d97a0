// Boots the owner console: the account bar, the routes of every screen, and the end of a refused session.
import { fill, h } from './dom.js';
import { go, route, start } from './router.js';
import * as api from './api.js';
import * as session from './session.js';
import { loginScreen } from './views/login.js';
import { signupScreen } from './views/signup.js';
import { dashboardScreen } from './views/dashboard.js';
import { newEventScreen } from './views/new-event.js';
import { eventScreen } from './views/event.js';
import { planScreen } from './views/plan.js';
import { posterScreen } from './views/poster.js';
import { channelsScreen } from './views/channels.js';
import { distributionScreen } from './views/distribution.js';
import { runningScreen } from './views/running.js';
import { resultsScreen } from './views/results.js';

route('/login', loginScreen, { open: true });
route('/signup', signupScreen, { open: true });
route('/', dashboardScreen);
route('/events/new', newEventScreen);
route('/events/:id', eventScreen);
route('/events/:id/plan', planScreen);
route('/events/:id/poster', posterScreen);
route('/events/:id/channels', channelsScreen);
route('/events/:id/distribution', distributionScreen);
route('/events/:id/running', runningScreen);
route('/events/:id/results', resultsScreen);

/** The account bar follows the session: a logout button when signed in, nothing otherwise. */
function drawAccount() {
  const nav = document.getElementById('account');
  if (!session.signedIn()) {
    fill(nav);
    return;
  }
  fill(nav, h('a', { href: '#/events/new', class: 'nav-link' }, '새 이벤트'),
    h('button', {
      type: 'button', class: 'link-button', onclick: async () => {
        await api.signOut();
        go('/login');
      },
    }, '로그아웃'));
}

window.addEventListener('hashchange', drawAccount);
window.addEventListener('session-ended', () => {
  sessionStorage.setItem('kt.console.notice', '로그인이 만료되었습니다. 다시 로그인하세요.');
  go('/login', { replace: true });
});

drawAccount();
start();
