package com.kt.eventmarketing.sandbox.images;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenAI-compatible {@code POST /v1/images/generations}: answers a real PNG of the requested size. Like the real API
 * it accepts only the sizes its models support and answers 400 for any other, so a client asking for a platform size
 * such as 1080x1080 fails here as it would in production.
 */
@RestController
public class ImageGenerationController {

    /** The sizes of gpt-image-1, dall-e-3 and dall-e-2 together; "auto" answers 1024x1024. */
    static final Set<String> SUPPORTED_SIZES = Set.of("auto", "1024x1024", "1536x1024", "1024x1536", "1792x1024",
            "1024x1792", "512x512", "256x256");

    private final PlaceholderPainter painter;

    public ImageGenerationController(PlaceholderPainter painter) {
        this.painter = painter;
    }

    public record GenerationRequest(String model, String prompt, Integer n, String size, String response_format) {
    }

    @PostMapping("/v1/images/generations")
    public ResponseEntity<Map<String, Object>> generate(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody GenerationRequest request) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return ResponseEntity.status(401).body(Map.of("error", Map.of("message", "Missing bearer API key")));
        }
        int[] size = parseSize(request.size());
        if (size == null) {
            return ResponseEntity.badRequest().body(Map.of("error",
                    Map.of("message", "Invalid size '" + request.size() + "'. Supported sizes are "
                            + String.join(", ", new TreeSet<>(SUPPORTED_SIZES)) + ".", "param", "size",
                            "type", "invalid_request_error")));
        }
        String prompt = request.prompt() == null ? "" : request.prompt();
        return ResponseEntity.ok(Map.of("created", Instant.now().getEpochSecond(),
                "data", List.of(Map.of("b64_json", painter.base64Png(prompt, size[0], size[1]),
                        "revised_prompt", prompt))));
    }

    private static int[] parseSize(String size) {
        String requested = size == null ? "auto" : size;
        if (!SUPPORTED_SIZES.contains(requested)) {
            return null;
        }
        if (requested.equals("auto")) {
            return new int[]{1024, 1024};
        }
        String[] parts = requested.split("x");
        return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
