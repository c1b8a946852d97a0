package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The page {@code /e/{id}/draw}: the published proof as a readable page (works without JavaScript), and the module
 * {@code /assets/js/draw-page.js} that recomputes the draw in the visitor's browser from the public proof.
 */
@Controller
public class DrawPageController {
    private final PublicDraws draws;

    public DrawPageController(PublicDraws draws) {
        this.draws = draws;
    }

    @GetMapping("/e/{id}/draw")
    public String page(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("proof", draws.find(id, false));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("eventId", id);
        model.addAttribute("kst", new KoreanTime());
        return "draw";
    }

    /** Times as a Korean visitor reads them (Asia/Seoul has no daylight saving time). */
    public static final class KoreanTime {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm:ss '(KST)'")
                .withZone(ZoneId.of("Asia/Seoul"));

        public String of(Instant instant) {
            return instant == null ? "" : FORMAT.format(instant);
        }
    }
}
