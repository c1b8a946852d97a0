// The page /e/{id}/draw: fetches the public proof and shows, in plain Korean, whether this browser gets the same
// result (draw-verify.js does the computing). The server-rendered page already shows the published values; this
// adds the check. check(proof) is exported so that a test can run the page's check on a proof it altered.
import { verify } from './draw-verify.js';

const section = document.getElementById('check');

function line(ok, title, detail) {
  const item = document.createElement('li');
  const mark = document.createElement('span');
  mark.className = ok ? 'ok' : 'error';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = ok ? '✓ ' : '✗ ';
  const heading = document.createElement('strong');
  heading.className = ok ? 'ok' : 'error';
  heading.textContent = title;
  item.append(mark, heading, document.createElement('br'), detail);
  return item;
}

function show(result, verdict, items) {
  section.dataset.result = result;
  const text = document.createElement(result === 'match' || result === 'mismatch' ? 'strong' : 'span');
  text.textContent = verdict;
  const paragraph = document.getElementById('verdict');
  paragraph.className = result === 'match' ? 'ok' : result === 'mismatch' ? 'error' : '';
  paragraph.replaceChildren(text);
  document.getElementById('checks').replaceChildren(...items);
}

const koreanTime = iso => new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'medium' });

/** Runs the three checks on a proof and shows them. Returns verify()'s result. */
export async function check(proof) {
  if (proof.status !== 'DRAWN') {
    show('pending', proof.status === 'COMMITTED'
      ? `약속값이 ${koreanTime(proof.committedAt)}에 공개되었습니다. 추첨이 끝나면 이 화면에서 당첨자를 직접 다시 계산해 확인할 수 있습니다.`
      : '아직 약속값이 정해지지 않았습니다. 이벤트가 시작되면 공개됩니다.', []);
    return null;
  }
  show('running', `확인 중입니다… (응모 ${proof.participantCount.toLocaleString('ko-KR')}건)`, []);
  const result = await verify(proof);
  const { commitment, snapshot, winners } = result;
  show(result.ok ? 'match' : 'mismatch',
    result.ok
      ? '✓ 일치합니다. 이 브라우저에서 다시 계산한 당첨자가 발표된 당첨자와 같습니다.'
      : '✗ 일치하지 않습니다. 공개된 자료로 다시 계산한 결과가 발표 내용과 다릅니다.',
    [
      line(commitment.ok, commitment.ok ? '시드가 약속값과 일치' : '시드가 약속값과 불일치',
        commitment.ok
          ? '공개된 시드의 SHA-256 해시가 추첨 전에 공개한 약속값과 같습니다. 추첨 뒤에 시드를 바꾸지 않았습니다.'
          : `공개된 시드의 해시(${commitment.computed ?? '계산 불가'})가 약속값과 다릅니다.`),
      line(snapshot.ok, snapshot.ok ? '응모 명단이 해시와 일치' : '응모 명단이 해시와 불일치',
        snapshot.ok
          ? `응모 ${snapshot.entries.toLocaleString('ko-KR')}건(응모권 ${snapshot.tickets.toLocaleString('ko-KR')}장)의 명단 해시가 공개된 값과 같습니다.`
          : `받은 명단의 해시(${snapshot.computed ?? '계산 불가'})가 공개된 값과 다릅니다.`),
      line(winners.ok, winners.ok ? '당첨자 재계산 결과 일치' : '당첨자 재계산 결과 불일치',
        winners.ok
          ? `시드와 명단으로 다시 추첨한 당첨 응모번호가 발표와 같습니다: ${winners.computed.join(', ')}`
          : winners.computed
            ? `다시 계산한 당첨 응모번호는 ${winners.computed.join(', ')}, 발표된 번호는 ${winners.published.join(', ')}입니다.`
            : '당첨자를 다시 계산할 수 없습니다.'),
    ]);
  return result;
}

async function start() {
  section.hidden = false;
  show('running', '공개된 추첨 자료를 받는 중입니다…', []);
  try {
    const response = await fetch(section.dataset.proofUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    await check(await response.json());
  } catch (e) {
    show('error', `추첨 자료를 확인하지 못했습니다 (${e.message}). 잠시 후 새로고침해 주세요.`, []);
  }
}

start();
