package com.kt.eventmarketing.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the generated OpenAPI document a contract that a front end (our owner console, or anyone's generated
 * client) can be built from: a real title and version, the bearer scheme on every owner operation, every error
 * response with the problem+json schema, and an example for every request body. Only {@code /api/**} is the
 * contract; the pages under {@code /} and {@code /e/} are not API.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiContract {
    public static final String BEARER_SCHEME = "bearerAuth";
    static final String TITLE = "kt-event-marketing API";
    static final String VERSION = "1.0.0";

    /** Operations anyone may call: the customer side, images, and getting a token. */
    private static final Set<String> OPEN_OPERATIONS = Set.of("POST /api/v1/users/register",
            "POST /api/v1/users/login", "POST /api/v1/users/refresh");
    /** Throttled per client and account: answer 429 with Retry-After. */
    private static final Set<String> THROTTLED_OPERATIONS = Set.of("POST /api/v1/users/register",
            "POST /api/v1/users/login", "POST /api/v1/users/refresh", "POST /api/v1/public/events/{id}/participations");

    @Bean
    OpenApiCustomizer contractCustomizer() {
        return openApi -> {
            openApi.info(new Info().title(TITLE).version(VERSION).description("""
                    KT AI 이벤트 마케팅: 소상공인이 목적을 고르면 AI가 트렌드를 분석해 이벤트 3가지를 제안하고, 포스터를 만들고, \
                    6개 채널에 배포하고, 고객 참여를 받고, 공정하게 추첨합니다.

                    Owner operations need `Authorization: Bearer <accessToken>` (from login or register; renew with \
                    `/api/v1/users/refresh`). Customer operations under `/api/v1/public` need no account. Every error \
                    is RFC 9457 `application/problem+json`; a 400 lists each bad field and the rule it broke in `errors`. \
                    Another owner's object answers 404."""));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("The accessToken from login, register or refresh"));
            ProblemResponses.schemas().forEach(components::addSchemas);
            openApi.components(components);
            openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(method.name() + " " + path, method, operation)));
        };
    }

    private static void describe(String key, PathItem.HttpMethod method, Operation operation) {
        String path = key.substring(key.indexOf(' ') + 1);
        boolean owner = !path.startsWith("/api/v1/public/") && !path.startsWith("/api/v1/images/")
                && !OPEN_OPERATIONS.contains(key);
        if (owner) {
            // set, not added: springdoc may run customizers again on its cached document
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER_SCHEME)));
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean mutates = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ProblemResponses.errorsFor(owner, path.contains("{"), hasBody, mutates, THROTTLED_OPERATIONS.contains(key))
                .forEach((status, when) -> responses.put(status, ProblemResponses.response(when)));
        // springdoc derives a catch-all (and a 500) from the exception handlers' return type; the problem responses
        // above say what can really happen, in the shape that really comes back
        responses.remove("default");
        responses.remove("500");
        operation.responses(responses);
        Object example = RequestExamples.BY_OPERATION.get(key);
        if (hasBody && example != null && operation.getRequestBody().getContent() != null) {
            for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().entrySet()) {
                media.getValue().setExample(example);
            }
        }
    }
}
