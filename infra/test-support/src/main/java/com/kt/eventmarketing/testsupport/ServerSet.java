package com.kt.eventmarketing.testsupport;

/**
 * The running servers behind {@link RealServers}, whichever provider started them. Hosts are loopback
 * addresses: the connection settings are handed to Spring and to child processes unchanged.
 */
interface ServerSet extends AutoCloseable {

    String jdbcUrl();

    String redisUrl();

    int redisPort();

    String kafkaBootstrap();

    String temporalTarget();

    /** Fault injection: the broker goes away, keeping its records and its port for {@link #startKafka()}. */
    void stopKafka();

    void startKafka();

    /** Fault injection: Redis goes away (connections are refused), its port kept for {@link #startRedis()}. */
    void stopRedis();

    /** Redis back on the same port, empty. */
    void startRedis();

    /** Stops everything, in reverse start order; one failure does not leave the others running. */
    @Override
    void close();

    static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("RealServers: could not stop " + server + ": " + e);
        }
    }
}
