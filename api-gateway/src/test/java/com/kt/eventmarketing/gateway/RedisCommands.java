package com.kt.eventmarketing.gateway;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.JedisPooled;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The commands Redis executed while a piece of a test ran, as its MONITOR shows them ({@code <time> [<db>
 * <client address>] "COMMAND" "arg" ...}): for tests of how many round trips, and which commands, a request costs.
 */
public final class RedisCommands {
    private RedisCommands() {
    }

    /**
     * Runs {@code action} and returns every command Redis executed meanwhile (other clients' too). {@code redis} is
     * the application's client: its idle connections are dropped first, so none left from before a restart of
     * Redis fails during the action.
     */
    public static List<String> during(String redisUrl, JedisPooled redis, ThrowingRunnable action) throws Exception {
        // another test in this context may have restarted Redis: the pool's idle connections would fail once each
        redis.getPool().clear();
        List<String> commands = new CopyOnWriteArrayList<>();
        try (Jedis monitor = new Jedis(URI.create(redisUrl))) {
            Thread watcher = new Thread(() -> {
                try {
                    monitor.monitor(new JedisMonitor() {
                        @Override
                        public void onCommand(String command) {
                            commands.add(command);
                        }
                    });
                } catch (RuntimeException closed) {
                    // the connection is closed when the action is done
                }
            }, "redis-monitor");
            watcher.setDaemon(true);
            watcher.start();
            awaitSeen(redis, commands, "kt:test:monitor-started:" + UUID.randomUUID());
            action.run();
            awaitSeen(redis, commands, "kt:test:monitor-done:" + UUID.randomUUID());
            monitor.disconnect();
            watcher.join(5_000);
        }
        return List.copyOf(commands);
    }

    /** The client address a MONITOR line names ({@code 127.0.0.1:53211}): one per connection. */
    public static String client(String command) {
        int open = command.indexOf('[');
        return command.substring(command.indexOf(' ', open) + 1, command.indexOf(']', open));
    }

    /** Sends a command naming {@code marker} until the monitor has seen it: everything before it has been seen too. */
    private static void awaitSeen(JedisPooled redis, List<String> commands, String marker) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            redis.exists(marker);
            Thread.sleep(50);
            if (commands.stream().anyMatch(c -> c.contains(marker))) {
                return;
            }
        }
        throw new AssertionError("MONITOR did not show " + marker);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
