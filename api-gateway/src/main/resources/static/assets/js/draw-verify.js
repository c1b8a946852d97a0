// The winner draw kt-winner-draw/v1 recomputed in the browser: the same algorithm as WinnerDraw.java, specified in
// docs/draw-verification.md. No DOM here, so the page (draw-page.js) and the tests run exactly this code.
// 64-bit words are BigInt (a Number holds only 53 bits); SHA-256 is WebCrypto's.

export const VERSION = 'kt-winner-draw/v1';
const DOMAIN = new TextEncoder().encode(VERSION);
const TWO_63 = 1n << 63n;
const CHUNK = 50_000; // entries per slice of work before the page gets a turn to repaint

/** Lets the browser paint and handle input between slices of a long computation. */
const breathe = () => new Promise(resolve => setTimeout(resolve, 0));

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || !/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
    throw new Error('not a hex string');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(hex.substring(2 * i, 2 * i + 2), 16);
  }
  return bytes;
}

export function bytesToHex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * Why a snapshot is malformed, or null: it must be [entryNumber, tickets] pairs of whole numbers, entry numbers
 * strictly ascending, every entry with at least one ticket (WinnerDraw rejects anything else).
 */
export function snapshotProblem(entries) {
  if (!Array.isArray(entries) || entries.length === 0) {
    return 'the snapshot is empty';
  }
  let previous = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!Array.isArray(e) || e.length !== 2 || !Number.isSafeInteger(e[0]) || !Number.isSafeInteger(e[1])) {
      return `entry ${i} is not [entryNumber, tickets]`;
    }
    if (e[0] <= previous) {
      return `entry ${i} is not in ascending entry-number order`;
    }
    if (e[1] < 1) {
      return `entry ${i} has no ticket`;
    }
    previous = e[0];
  }
  return null;
}

/** SHA-256 over "<entryNumber>:<tickets>\n" per entry (ASCII decimal). WebCrypto hashes one buffer, so it is built whole. */
export async function snapshotHash(entries) {
  const encoder = new TextEncoder();
  const parts = [];
  let length = 0;
  for (let start = 0; start < entries.length; start += CHUNK) {
    let text = '';
    for (const [entryNumber, tickets] of entries.slice(start, start + CHUNK)) {
      text += `${entryNumber}:${tickets}\n`;
    }
    const part = encoder.encode(text);
    parts.push(part);
    length += part.length;
    if (entries.length > CHUNK) {
      await breathe();
    }
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return sha256(all);
}

/** Block i = SHA-256(seed ‖ snapshotHash ‖ "kt-winner-draw/v1" ‖ uint64be(i)); four big-endian words each, shifted right by one. */
export class RandomStream {
  constructor(seed, snapshotHashBytes) {
    this.input = new Uint8Array(seed.length + snapshotHashBytes.length + DOMAIN.length + 8);
    this.input.set(seed, 0);
    this.input.set(snapshotHashBytes, seed.length);
    this.input.set(DOMAIN, seed.length + snapshotHashBytes.length);
    this.counterView = new DataView(this.input.buffer, this.input.length - 8, 8);
    this.counter = 0n;
    this.block = null;
    this.word = 4;
  }

  /** The next 63-bit word, a BigInt. */
  async nextWord() {
    if (this.word === 4) {
      this.counterView.setBigUint64(0, this.counter, false);
      this.counter++;
      this.block = new DataView(await crypto.subtle.digest('SHA-256', this.input));
      this.word = 0;
    }
    const value = this.block.getBigUint64(8 * this.word, false) >> 1n;
    this.word++;
    return value;
  }

  /** Uniform in [0, n) for a BigInt n ≥ 1: words at or above floor(2^63 / n)·n are discarded (no modulo bias). */
  async uniform(n) {
    const limit = (TWO_63 / n) * n;
    for (;;) {
      const r = await this.nextWord();
      if (r < limit) {
        return r % n;
      }
    }
  }
}

/**
 * The winners' indexes into the snapshot, in rank order: t = uniform(remaining tickets), the winner is the entry
 * whose ticket range holds t (ranges in snapshot order over the entries not drawn yet), then its tickets leave.
 * A Fenwick tree finds the entry in O(log n), so a million entries take well under a second. Sums stay below
 * 2^53, so a Float64Array holds them exactly.
 */
export async function drawWinners(seed, snapshotHashBytes, tickets, winnerCount) {
  const n = tickets.length;
  if (!Number.isInteger(winnerCount) || winnerCount < 1 || winnerCount > n) {
    throw new RangeError(`winnerCount must be 1..${n}`);
  }
  const tree = new Float64Array(n + 1);
  let remaining = 0;
  for (let i = 0; i < n; i++) {
    tree[i + 1] = tickets[i];
    remaining += tickets[i];
  }
  for (let i = 1; i <= n; i++) {
    const parent = i + (i & -i);
    if (parent <= n) {
      tree[parent] += tree[i];
    }
  }
  const highBit = 1 << (31 - Math.clz32(n));
  const stream = new RandomStream(seed, snapshotHashBytes);
  const winners = [];
  for (let rank = 0; rank < winnerCount; rank++) {
    let rest = Number(await stream.uniform(BigInt(remaining)));
    let pos = 0;
    for (let step = highBit; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && tree[next] <= rest) {
        pos = next;
        rest -= tree[next];
      }
    }
    winners.push(pos);
    const weight = tickets[pos];
    for (let j = pos + 1; j <= n; j += j & -j) {
      tree[j] -= weight;
    }
    remaining -= weight;
  }
  return winners;
}

/**
 * Checks a published proof (the JSON of GET /api/v1/public/events/{id}/draw): the seed against the commitment,
 * the snapshot against its hash, and the winners against a fresh draw from both. Every check says ok, what was
 * published and what this browser computed.
 */
export async function verify(proof) {
  let seed = null;
  let seedHash = null;
  try {
    seed = hexToBytes(proof.seed);
    seedHash = seed.length === 32 ? bytesToHex(await sha256(seed)) : null;
  } catch (e) {
    seed = null;
  }
  const commitment = {
    ok: seedHash !== null && seedHash === String(proof.commitment).toLowerCase(),
    published: proof.commitment,
    computed: seedHash,
  };

  const problem = snapshotProblem(proof.snapshot);
  const hashBytes = problem ? null : await snapshotHash(proof.snapshot);
  const computedHash = hashBytes ? bytesToHex(hashBytes) : null;
  const snapshot = {
    ok: computedHash !== null && computedHash === String(proof.snapshotHash).toLowerCase(),
    published: proof.snapshotHash,
    computed: computedHash,
    entries: problem ? 0 : proof.snapshot.length,
    tickets: problem ? 0 : proof.snapshot.reduce((sum, e) => sum + e[1], 0),
    problem,
  };

  const published = [...(proof.winners || [])].sort((a, b) => a.rank - b.rank).map(w => w.entryNumber);
  const winners = { ok: false, published, computed: null, problem: null };
  if (proof.algorithmVersion !== VERSION) {
    winners.problem = `unknown algorithm ${proof.algorithmVersion}`;
  } else if (seed === null || seed.length !== 32 || hashBytes === null) {
    winners.problem = 'no valid seed or snapshot to draw from';
  } else {
    try {
      const indexes = await drawWinners(seed, hashBytes, proof.snapshot.map(e => e[1]), proof.winnerCount);
      winners.computed = indexes.map(i => proof.snapshot[i][0]);
      winners.ok = published.length === winners.computed.length
        && winners.computed.every((entryNumber, i) => entryNumber === published[i]);
    } catch (e) {
      winners.problem = e.message;
    }
  }
  return { ok: commitment.ok && snapshot.ok && winners.ok, commitment, snapshot, winners };
}
