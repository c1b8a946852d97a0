package com.kt.eventmarketing.sandbox.images;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** OpenAI-compatible {@code POST /v1/images/generations}: answers a real PNG of the requested size. */
@RestController
public class ImageGenerationController {

    /** Keeps a typo in a size from making the sandbox allocate gigabytes. */
    private static final int MAX_SIDE = 2048;

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
                    Map.of("message", "size must be WIDTHxHEIGHT up to " + MAX_SIDE, "param", "size")));
        }
        String prompt = request.prompt() == null ? "" : request.prompt();
        byte[] png = painter.paint(prompt, size[0], size[1]);
        return ResponseEntity.ok(Map.of("created", Instant.now().getEpochSecond(),
                "data", List.of(Map.of("b64_json", Base64.getEncoder().encodeToString(png),
                        "revised_prompt", prompt))));
    }

    private static int[] parseSize(String size) {
        String[] parts = (size == null ? "1024x1024" : size).split("x");
        try {
            int width = Integer.parseInt(parts[0]);
            int height = Integer.parseInt(parts[1]);
            boolean valid = parts.length == 2 && width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE;
            return valid ? new int[]{width, height} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
