// Run by DrawVerificationVectorsTest through WebDriver: the page's module on every test vector, plus altered proofs.
const [vectorsJson, done] = arguments;
(async () => {
  const m = await import('/assets/js/draw-verify.js');
  const vectors = JSON.parse(vectorsJson);
  const summary = r => [r.commitment.ok, r.snapshot.ok, r.winners.ok, r.ok];
  const out = { draws: [], uniform: [] };
  for (const v of vectors.draws) {
    const seed = m.hexToBytes(v.seed);
    const hash = await m.snapshotHash(v.snapshot);
    const stream = new m.RandomStream(seed, hash);
    const firstWords = [];
    for (let i = 0; i < v.firstWords.length; i++) {
      firstWords.push(String(await stream.nextWord()));
    }
    const indexes = await m.drawWinners(seed, hash, v.snapshot.map(e => e[1]), v.winnerCount);
    const proof = {
      status: 'DRAWN', seed: v.seed, commitment: v.commitment, snapshotHash: v.snapshotHash,
      algorithmVersion: m.VERSION, winnerCount: v.winnerCount, snapshot: v.snapshot,
      winners: v.winners.map((entryNumber, i) => ({ rank: i + 1, entryNumber })),
    };
    const ticket = structuredClone(proof);
    ticket.snapshot[0][1] += 1;
    const seedChanged = structuredClone(proof);
    seedChanged.seed = proof.seed.slice(0, -1) + (proof.seed.endsWith('0') ? '1' : '0');
    const winnersChanged = structuredClone(proof);
    if (proof.winners.length > 1) {
      winnersChanged.winners.forEach((w, i) => { w.rank = proof.winners.length - i; });
    } else {
      winnersChanged.winners[0].entryNumber += 1000;
    }
    out.draws.push({
      name: v.name,
      commitment: m.bytesToHex(await m.sha256(seed)),
      snapshotHash: m.bytesToHex(hash),
      firstWords,
      winners: indexes.map(i => v.snapshot[i][0]),
      verified: (await m.verify(proof)).ok,
      tampered: {
        ticket: summary(await m.verify(ticket)),
        seed: summary(await m.verify(seedChanged)),
        winners: summary(await m.verify(winnersChanged)),
      },
    });
  }
  for (const v of vectors.uniform) {
    const seed = m.hexToBytes(v.seed);
    const hash = m.hexToBytes(v.snapshotHash);
    const words = new m.RandomStream(seed, hash);
    const firstWords = [];
    for (let i = 0; i < v.firstWords.length; i++) {
      firstWords.push(String(await words.nextWord()));
    }
    const stream = new m.RandomStream(seed, hash);
    const firstValues = [];
    for (let i = 0; i < v.firstValues.length; i++) {
      firstValues.push(String(await stream.uniform(BigInt(v.n))));
    }
    out.uniform.push({ name: v.name, firstWords, firstValues });
  }
  return out;
})().then(out => done(JSON.stringify(out)), e => done(JSON.stringify({ error: String(e && e.stack || e) })));
