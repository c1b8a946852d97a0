package com.kt.eventmarketing.gateway.openapi;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.json is the live document, checked in, so that a client can be generated from it at build time (the
 * Java client the generated-client test drives) and a change of the API shows in review. Fails when they differ;
 * refresh with:
 * {@code ./mvnw -B -ntp -pl api-gateway -am test -Dtest=OpenApiDocumentFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dkt.openapi.write=true}
 */
@GatewayTest
class OpenApiDocumentFileTest {
    static final Path FILE = Path.of("../docs/openapi.json").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void checkedInDocumentIsTheLiveOne() throws Exception {
        ApiClient.Response response = new ApiClient(port).getAnything("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        ObjectNode live = (ObjectNode) JSON.readTree(response.body());
        live.remove("servers"); // the test server's random port; a client is pointed at its server when it is built
        String text = JSON.writeValueAsString(live) + "\n";
        if (Boolean.getBoolean("kt.openapi.write")) {
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(FILE)).as(FILE + " is missing; write it with -Dkt.openapi.write=true").isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/openapi.json differs from /v3/api-docs; refresh it with -Dkt.openapi.write=true (see this test's comment)")
                .isEqualTo(text);
    }
}
