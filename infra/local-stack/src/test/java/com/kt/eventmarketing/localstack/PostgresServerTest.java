package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {
    private static final Path COMPOSE = Path.of("../deploy/compose/compose.yaml");

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

    @Test
    void theServerRunsThePinnedVersionAtLeastTheDeploymentsMajor() throws Exception {
        assertThat(PostgresServer.VERSION).as("filtered from the root pom's postgres.version").matches("\\d+\\.\\d+\\.\\d+");
        try (PostgresServer server = PostgresServer.ephemeral();
             Connection c = login(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            assertThat(rs.next()).isTrue();
            String running = rs.getString(1).split(" ")[0];
            assertThat(PostgresServer.VERSION).as("pinned vs running " + running).startsWith(running + ".");
        }
        Matcher image = Pattern.compile("image: postgres:(\\d+)").matcher(Files.readString(COMPOSE));
        assertThat(image.find()).as("compose names its PostgreSQL image").isTrue();
        int pinnedMajor = Integer.parseInt(PostgresServer.VERSION.substring(0, PostgresServer.VERSION.indexOf('.')));
        assertThat(pinnedMajor).as("the deployment's major or newer").isGreaterThanOrEqualTo(Integer.parseInt(image.group(1)));
    }

    @Test
    void aDataDirectoryOfAnotherMajorIsRefusedAtOnceNamingTheWayOut(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("pg"));
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> PostgresServer.persistent(Ports.freePort(), data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made by PostgreSQL 14").hasMessageContaining("move or delete");
    }

    private static Connection login(PostgresServer server) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
