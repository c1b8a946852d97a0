package com.kt.eventmarketing.gateway.openapi;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one error shape of this API (RFC 9457 problem+json, see {@code ProblemWriter}) as OpenAPI components, and the
 * error responses each kind of operation can give. Generated clients get a typed {@code Problem} with the
 * {@code errors} list that names the field and the rule.
 */
final class ProblemResponses {
    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_VIOLATION_SCHEMA = "FieldViolation";
    static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(FIELD_VIOLATION_SCHEMA, new ObjectSchema()
                .description("One bad field: which field, which rule it broke, and a sentence for people")
                .addProperty("field", new StringSchema().example("phone"))
                .addProperty("rule", new StringSchema().example("format"))
                .addProperty("message", new StringSchema().example("must be a mobile number (010-1234-5678)")));
        schemas.put(PROBLEM_SCHEMA, new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(ref(FIELD_VIOLATION_SCHEMA))));
        return schemas;
    }

    /** Status → when it happens, per kind of operation. */
    static Map<String, String> errorsFor(boolean owner, boolean hasPathId, boolean hasBody, boolean mutates,
                                         boolean throttled) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (hasBody || hasPathId || mutates) {
            errors.put("400", "A field or parameter breaks a rule; `errors` names each field and rule");
        }
        if (owner) {
            errors.put("401", "No valid, unrevoked bearer access token");
        }
        if (hasPathId) {
            errors.put("404", "No such object, or it belongs to another owner");
        }
        if (mutates) {
            errors.put("409", "Not possible in the object's current state (or a duplicate)");
        }
        if (hasBody) {
            errors.put("413", "The request body is too large");
        }
        if (throttled) {
            errors.put("429", "Too many requests; retry after the `Retry-After` seconds");
        }
        errors.put("503", "A dependency (database, Temporal) is unavailable; retry later");
        return errors;
    }

    static ApiResponse response(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM_SCHEMA))));
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static List<String> statuses() {
        return List.of("400", "401", "404", "409", "413", "429", "503");
    }
}
