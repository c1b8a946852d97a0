package com.kt.eventmarketing.sandbox.fault;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The simulated third parties; faults are set and requests are recorded per group. */
public enum EndpointGroup {
    AI("/v1/chat/completions", "/v1/messages"),
    IMAGES("/v1/images/"),
    INSTAGRAM("/instagram/"),
    NAVER("/naver/"),
    ALIMTALK("/kakao/v1/alimtalk/"),
    KAKAO("/kakao/v1/api/talk/"),
    URIDONGNETV("/kt/uridongnetv/"),
    RINGOBIZ("/kt/ringobiz/"),
    GINITV("/kt/ginitv/"),
    SMS("/sms/");

    private final List<String> pathPrefixes;

    EndpointGroup(String... pathPrefixes) {
        this.pathPrefixes = List.of(pathPrefixes);
    }

    /** The lower-case name used in admin URLs and the request log. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EndpointGroup> ofPath(String path) {
        return Arrays.stream(values())
                .filter(group -> group.pathPrefixes.stream().anyMatch(path::startsWith))
                .findFirst();
    }

    public static Optional<EndpointGroup> ofId(String id) {
        return Arrays.stream(values()).filter(group -> group.id().equalsIgnoreCase(id)).findFirst();
    }
}
