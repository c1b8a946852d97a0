package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.gateway.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The page tests' common start: fixtures on this context's gateway and a fresh owner per test. */
abstract class PageTestBase {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BlobStore blobs;
    PageFixtures fx;
    TestEvents.Owner owner;

    @BeforeEach
    void fixturesAndOwner() {
        fx = new PageFixtures(jdbc, blobs, port);
        owner = fx.events.owner();
    }
}
