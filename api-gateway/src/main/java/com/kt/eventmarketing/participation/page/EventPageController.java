package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.participation.ParticipationService;
import com.kt.eventmarketing.gateway.web.ClientAddresses;
import com.kt.eventmarketing.gateway.web.TooManyRequestsException;
import com.kt.eventmarketing.participation.PublicParticipationController;
import com.kt.eventmarketing.participation.verification.PhoneVerifications;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer's page at {@code /e/{id}} (the {@code participationUrl} every QR code and channel post links to):
 * the event in its current state and, while it is open, the entry form. A plain form POST to the same URL answers
 * with the result page, so the page needs no JavaScript; entries go through {@link ParticipationService#enter}, so
 * the rules, their messages and the exactly-once guarantees are those of the JSON API.
 */
@Controller
@Hidden // a page, not part of the REST contract in /v3/api-docs
@RequestMapping("/e")
public class EventPageController {
    static final String VIEW = "participation/event";
    static final String NOT_FOUND_VIEW = "participation/not-found";
    static final String NOT_OPEN = "지금은 이벤트 참여 기간이 아닙니다.";
    static final String FORM_REUSED = "이 참여 양식은 이미 다른 내용으로 제출되었습니다. 페이지를 다시 열어 참여해 주세요.";

    private final EventPages pages;
    private final ParticipationService participation;
    private final PageViews views;
    private final ClientAddresses clients;

    public EventPageController(EventPages pages, ParticipationService participation, PageViews views,
                               ClientAddresses clients) {
        this.clients = clients;
        this.pages = pages;
        this.participation = participation;
        this.views = views;
    }

    @ModelAttribute
    void everyPage(Model model) {
        model.addAttribute("rules", PublicParticipationController.RULES);
        model.addAttribute("privacyNotice", PublicParticipationController.PRIVACY_NOTICE);
        model.addAttribute("errors", Map.of());
        // for the script's inline checks: the API's own messages, so both say the same
        model.addAttribute("messages", Map.of("name", ParticipationService.NAME_MESSAGE,
                "phone", ParticipationService.PHONE_MESSAGE, "consent", ParticipationService.CONSENT_MESSAGE,
                PhoneVerifications.FIELD, PhoneVerifications.REQUIRED));
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String via, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        var page = pages.find(id);
        if (page.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return NOT_FOUND_VIEW;
        }
        views.record(id, request, response);
        model.addAttribute("page", page.get());
        if (page.get().state() == EventPage.State.OPEN) {
            model.addAttribute("form", EntryForm.blank(via, page.get().entryPaths()));
        }
        return VIEW;
    }

    @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String enter(@PathVariable long id, EntryForm form, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        var page = pages.find(id);
        if (page.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return NOT_FOUND_VIEW;
        }
        model.addAttribute("page", page.get());
        model.addAttribute("form", form);
        try {
            var outcome = participation.enter(id, form.request(), clients.of(request), form.idempotencyKey());
            model.addAttribute("entryNumber", outcome.entryNumber());
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            Map<String, String> errors = EntryForm.fieldErrors(e);
            model.addAttribute("errors", errors);
            if (e.status() == HttpStatus.NOT_FOUND) {
                return NOT_FOUND_VIEW;
            }
            if (e.status() == HttpStatus.CONFLICT && e.violations().isEmpty()) {
                model.addAttribute("notice", NOT_OPEN); // closed since the form was shown: the page says why
            } else if (e.status().value() == 422) {
                model.addAttribute("notice", FORM_REUSED);
            } else if (errors.size() < e.violations().size()) {
                model.addAttribute("notice", e.violations().stream().filter(v -> !errors.containsKey(v.field()))
                        .map(v -> v.message()).collect(Collectors.joining(" ")));
            }
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            model.addAttribute("notice", "참여 요청이 많습니다. " + e.retryAfterSeconds() + "초 후 다시 시도해 주세요.");
        }
        return VIEW;
    }

    /** "인증번호 받기": the same form, posted here by that button; sends the SMS and shows the form again, as filled. */
    @PostMapping(path = "/{id}/verification", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String sendCode(@PathVariable long id, EntryForm form, Model model, HttpServletResponse response) {
        var page = pages.find(id);
        if (page.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return NOT_FOUND_VIEW;
        }
        model.addAttribute("page", page.get());
        model.addAttribute("form", form);
        try {
            var sent = participation.sendCode(id, form.phone());
            model.addAttribute("codeSent", "인증번호를 보냈습니다. " + sent.expiresInSeconds() / 60 + "분 안에 입력해 주세요.");
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            Map<String, String> errors = EntryForm.fieldErrors(e);
            model.addAttribute("errors", errors);
            if (errors.isEmpty()) { // closed, no verification on this event, or the SMS provider failed
                model.addAttribute("notice", page.get().state() == EventPage.State.OPEN ? e.getMessage() : NOT_OPEN);
            }
        }
        return VIEW;
    }

    /** {@code /e/abc}: no such page, as a page (the API's problem+json advice would answer a browser with JSON). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badId() {
        return new ModelAndView(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
    }
}
