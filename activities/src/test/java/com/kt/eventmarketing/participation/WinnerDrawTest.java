package com.kt.eventmarketing.participation;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WinnerDrawTest {

    /** docs/participation.md's description, implemented the slow and obvious way (BigInteger, linear scans) as a cross-check. */
    static int[] reference(byte[] seed, byte[] snapshotHash, int[] tickets, int winnerCount) throws Exception {
        int[] weights = tickets.clone();
        long remaining = Arrays.stream(weights).asLongStream().sum();
        int[] winners = new int[winnerCount];
        long counter = 0;
        int wordInBlock = 4;
        byte[] block = null;
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        for (int rank = 0; rank < winnerCount; rank++) {
            BigInteger n = BigInteger.valueOf(remaining);
            BigInteger limit = two63.divide(n).multiply(n);
            long t;
            while (true) {
                if (wordInBlock == 4) {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    md.update(seed);
                    md.update(snapshotHash);
                    md.update("kt-winner-draw/v1".getBytes(StandardCharsets.US_ASCII));
                    md.update(BigInteger.valueOf(counter++).add(BigInteger.ONE.shiftLeft(64)).toByteArray(), 1, 8);
                    block = md.digest();
                    wordInBlock = 0;
                }
                BigInteger r = new BigInteger(1, Arrays.copyOfRange(block, wordInBlock * 8, wordInBlock * 8 + 8)).shiftRight(1);
                wordInBlock++;
                if (r.compareTo(limit) < 0) {
                    t = r.mod(n).longValueExact();
                    break;
                }
            }
            long acc = 0;
            for (int i = 0; i < weights.length; i++) {
                acc += weights[i];
                if (t < acc) {
                    winners[rank] = i;
                    remaining -= weights[i];
                    weights[i] = 0;
                    break;
                }
            }
        }
        return winners;
    }

    private static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void matchesTheStraightforwardReadingOfTheSpecification() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(300);
            int[] tickets = IntStream.range(0, n).map(i -> 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0)).toArray();
            int k = 1 + random.nextInt(n);
            byte[] seed = bytes(round, 32);
            byte[] hash = bytes(1000 + round, 32);
            int[] copy = tickets.clone();
            assertThat(WinnerDraw.draw(seed, hash, tickets, k)).as("round " + round).containsExactly(reference(seed, hash, tickets, k));
            assertThat(tickets).as("the caller's array is untouched").containsExactly(copy);
        }
    }

    @Test
    void deterministicDistinctAndSeedDependent() {
        int[] tickets = new int[1000];
        Arrays.fill(tickets, 1);
        byte[] hash = bytes(1, 32);
        int[] a = WinnerDraw.draw(bytes(2, 32), hash, tickets, 50);
        assertThat(WinnerDraw.draw(bytes(2, 32), hash, tickets, 50)).containsExactly(a);
        assertThat(Arrays.stream(a).boxed().collect(Collectors.toSet())).hasSize(50);
        assertThat(WinnerDraw.draw(bytes(3, 32), hash, tickets, 50)).isNotEqualTo(a);
        assertThat(WinnerDraw.draw(bytes(2, 32), bytes(9, 32), tickets, 50)).as("bound to the snapshot").isNotEqualTo(a);
        int[] all = WinnerDraw.draw(bytes(2, 32), hash, tickets, 1000);
        assertThat(Arrays.stream(all).boxed().collect(Collectors.toSet())).isEqualTo(
                IntStream.range(0, 1000).boxed().collect(Collectors.toSet()));
    }

    @Test
    void uniformForRandomAndProportionalToTicketsForWeighted() {
        int trials = 20_000;
        int[] firstPick = new int[5];
        int[] equal = {1, 1, 1, 1, 1};
        int[] weighted = new int[2];
        for (int i = 0; i < trials; i++) {
            byte[] seed = bytes(i, 32);
            firstPick[WinnerDraw.draw(seed, new byte[32], equal, 1)[0]]++;
            weighted[WinnerDraw.draw(seed, new byte[32], new int[]{1, 3}, 1)[0]]++;
        }
        for (int count : firstPick) {
            assertThat(count).isBetween(trials / 5 - 400, trials / 5 + 400); // ±~7 standard deviations
        }
        assertThat(weighted[1]).as("3 tickets of 4 win ~75%").isBetween(trials * 3 / 4 - 500, trials * 3 / 4 + 500);
    }

    @Test
    void snapshotHashIsTheSha256OfTheListedLines() throws Exception {
        var hasher = new WinnerDraw.SnapshotHasher();
        hasher.add(1, 1);
        hasher.add(2, 3);
        hasher.add(5, 1);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest("1:1\n2:3\n5:1\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(hasher.finish()).containsExactly(expected);
        var unordered = new WinnerDraw.SnapshotHasher();
        unordered.add(2, 1);
        assertThatThrownBy(() -> unordered.add(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WinnerDraw.commitment(new byte[32])).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(new byte[32])));
    }

    @Test
    void rejectsImpossibleRequests() {
        assertThatThrownBy(() -> WinnerDraw.draw(new byte[32], new byte[32], new int[]{1, 1}, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WinnerDraw.draw(new byte[32], new byte[32], new int[]{1, 1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WinnerDraw.draw(new byte[32], new byte[32], new int[]{1, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionWeightedEntriesInPrimitiveArrays() {
        int n = 1_000_000;
        int[] tickets = new int[n];
        for (int i = 0; i < n; i++) {
            tickets[i] = i % 3 == 0 ? 3 : 1;
        }
        long start = System.nanoTime();
        int[] winners = WinnerDraw.draw(bytes(11, 32), bytes(12, 32), tickets, 10_000);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("WinnerDraw: 1,000,000 entries, 10,000 winners in %d ms%n", ms);
        Set<Integer> distinct = Arrays.stream(winners).boxed().collect(Collectors.toSet());
        assertThat(distinct).hasSize(10_000);
        long visits = Arrays.stream(winners).filter(i -> i % 3 == 0).count();
        // a third of the entries hold 3/5 of the tickets
        assertThat(visits).isBetween(5_500L, 6_500L);
        assertThat(ms).isLessThan(10_000);
    }
}
