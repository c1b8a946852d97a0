package com.kt.eventmarketing.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The verifiable winner draw, version {@value #VERSION}. Pure and deterministic: the same seed and the same
 * entry snapshot always give the same winners, so anyone holding the revealed seed and the snapshot can re-run it.
 * <p>
 * <b>Snapshot.</b> The entries ordered by ascending entry number, each with its ticket count (1, or
 * 1 + visitBonus for a STORE_VISIT entry in a WEIGHTED draw). Its hash is
 * {@code hex(SHA-256(concat("<entryNumber>:<tickets>\n")))} in ASCII decimal.
 * <p>
 * <b>Random stream.</b> Block {@code i} (i = 0, 1, 2, …) is
 * {@code SHA-256(seed ‖ snapshotHashBytes ‖ "kt-winner-draw/v1" ‖ uint64be(i))}; each 32-byte block is read as four
 * big-endian unsigned 64-bit words, in order, and each word is shifted right by one bit (63-bit values).
 * <p>
 * <b>Uniform integer in [0, n).</b> Take the next word {@code r}; let {@code limit = floor(2^63 / n) * n}; if
 * {@code r >= limit} discard it and take the next one (rejection sampling, no modulo bias); else the value is
 * {@code r mod n}.
 * <p>
 * <b>Selection.</b> For rank 1..winnerCount: {@code t = uniform(remainingTickets)}; the winner is the entry whose
 * ticket range contains {@code t}, where the ranges are laid out in snapshot order over the entries not yet drawn;
 * the winner's tickets are then removed (without replacement). A Fenwick tree over {@code long} ticket counts
 * finds the entry in O(log n), so memory is three primitive arrays: about 20 bytes per entry.
 */
public final class WinnerDraw {
    public static final String VERSION = "kt-winner-draw/v1";
    private static final byte[] DOMAIN = VERSION.getBytes(StandardCharsets.US_ASCII);

    private WinnerDraw() {
    }

    /**
     * @param seed          the revealed seed (32 bytes)
     * @param snapshotHash  SHA-256 of the snapshot (32 bytes), see {@link SnapshotHasher}
     * @param tickets       ticket count per entry, in snapshot order (all ≥ 1)
     * @param winnerCount   1..tickets.length
     * @return the winners' indexes into the snapshot, in rank order (the caller's array is not modified)
     */
    public static int[] draw(byte[] seed, byte[] snapshotHash, int[] tickets, int winnerCount) {
        int n = tickets.length;
        if (winnerCount < 1 || winnerCount > n) {
            throw new IllegalArgumentException("winnerCount must be 1.." + n + ", was " + winnerCount);
        }
        long[] tree = new long[n + 1];
        long remaining = 0;
        for (int i = 0; i < n; i++) {
            if (tickets[i] < 1) {
                throw new IllegalArgumentException("every entry needs at least one ticket (index " + i + ")");
            }
            tree[i + 1] = tickets[i];
            remaining += tickets[i];
        }
        for (int i = 1; i <= n; i++) { // O(n) Fenwick build
            int parent = i + (i & -i);
            if (parent <= n) {
                tree[parent] += tree[i];
            }
        }
        int highBit = Integer.highestOneBit(n);
        Stream stream = new Stream(seed, snapshotHash);
        int[] winners = new int[winnerCount];
        for (int rank = 0; rank < winnerCount; rank++) {
            long t = stream.uniform(remaining);
            // smallest index j (1-based) with prefix(j) > t, by binary lifting
            int pos = 0;
            long rest = t;
            for (int step = highBit; step > 0; step >>= 1) {
                int next = pos + step;
                if (next <= n && tree[next] <= rest) {
                    pos = next;
                    rest -= tree[next];
                }
            }
            int index = pos; // 0-based entry index = (pos + 1) - 1
            winners[rank] = index;
            long weight = tickets[index];
            for (int j = index + 1; j <= n; j += j & -j) {
                tree[j] -= weight;
            }
            remaining -= weight;
        }
        return winners;
    }

    /** SHA-256 of the commitment: {@code hex(SHA-256(seed))}. */
    public static String commitment(byte[] seed) {
        return HexFormat.of().formatHex(sha256().digest(seed));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hashes a snapshot as it is streamed, entry by entry, in ascending entry-number order. */
    public static final class SnapshotHasher {
        private final MessageDigest digest = sha256();
        private long previous = Long.MIN_VALUE;

        public void add(long entryNumber, int tickets) {
            if (entryNumber <= previous) {
                throw new IllegalArgumentException("entries must come in ascending entry-number order");
            }
            previous = entryNumber;
            digest.update((entryNumber + ":" + tickets + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        public byte[] finish() {
            return digest.digest();
        }
    }

    /** The SHA-256 counter-mode stream described above. */
    static final class Stream {
        private final MessageDigest digest = sha256();
        private final byte[] seed;
        private final byte[] snapshotHash;
        private final byte[] block = new byte[32];
        private long counter;
        private int word = 4;

        Stream(byte[] seed, byte[] snapshotHash) {
            this.seed = seed.clone();
            this.snapshotHash = snapshotHash.clone();
        }

        long nextWord() {
            if (word == 4) {
                digest.update(seed);
                digest.update(snapshotHash);
                digest.update(DOMAIN);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    digest.update((byte) (counter >>> shift));
                }
                counter++;
                try {
                    digest.digest(block, 0, 32);
                } catch (java.security.DigestException e) {
                    throw new IllegalStateException(e);
                }
                word = 0;
            }
            long value = 0;
            for (int b = word * 8; b < word * 8 + 8; b++) {
                value = (value << 8) | (block[b] & 0xFF);
            }
            word++;
            return value >>> 1;
        }

        /** Uniform in [0, n) by rejection sampling over 63-bit words. */
        long uniform(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be positive");
            }
            // limit = floor(2^63 / n) * n, compared unsigned (it can be exactly 2^63 when n is a power of two)
            long limit = Long.divideUnsigned(Long.MIN_VALUE, n) * n;
            while (true) {
                long r = nextWord();
                if (Long.compareUnsigned(r, limit) < 0) {
                    return r % n;
                }
            }
        }
    }
}
