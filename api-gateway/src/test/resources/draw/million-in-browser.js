// Run by DrawVerificationVectorsTest: a snapshot of n entries (every third a store visit with 3 tickets) drawn in
// the browser with the page's module, timed.
const [seedHex, n, winnerCount, done] = arguments;
(async () => {
  const m = await import('/assets/js/draw-verify.js');
  const snapshot = Array.from({ length: n }, (_, i) => [i + 1, i % 3 === 0 ? 3 : 1]);
  const started = performance.now();
  const hash = await m.snapshotHash(snapshot);
  const hashed = performance.now();
  const indexes = await m.drawWinners(m.hexToBytes(seedHex), hash, snapshot.map(e => e[1]), winnerCount);
  const drawn = performance.now();
  return {
    snapshotHash: m.bytesToHex(hash),
    winners: indexes.map(i => snapshot[i][0]),
    hashMillis: Math.round(hashed - started),
    drawMillis: Math.round(drawn - hashed),
  };
})().then(out => done(JSON.stringify(out)), e => done(JSON.stringify({ error: String(e && e.stack || e) })));
