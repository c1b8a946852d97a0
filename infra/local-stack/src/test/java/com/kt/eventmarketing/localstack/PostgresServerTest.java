package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @Test
    void persistentServerKeepsDataAcrossRestarts(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("pg");
        int port = Ports.freePort();
        try (PostgresServer server = PostgresServer.persistent(port, data);
             Connection c = login(server); Statement s = c.createStatement()) {
            s.execute("create table survivor(v text)");
            s.execute("insert into survivor values ('kept')");
        }
        try (PostgresServer server = PostgresServer.persistent(port, data);
             Connection c = login(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    private static Connection login(PostgresServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
