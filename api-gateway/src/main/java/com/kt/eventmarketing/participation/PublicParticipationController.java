package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.ClientAddresses;
import com.kt.eventmarketing.participation.verification.PhoneVerifications;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What customers call, without an account. */
@RestController
@RequestMapping("/api/v1/public/events")
@Tag(name = "Participation (public)", description = "Customer entries: no account, one entry per phone per event")
public class PublicParticipationController {
    /** Shown by the API and the customer's page alike. */
    public static final List<String> RULES = List.of(
            "전화번호 1개당 이벤트 1회만 참여할 수 있습니다.",
            "개인정보 수집·이용에 동의해야 참여할 수 있습니다.",
            "당첨자는 이벤트 종료 후 추첨으로 선정되며, 추첨 시드의 해시(commitment)가 미리 공개되고 추첨 후 시드가 공개되어 누구나 결과를 검증할 수 있습니다.",
            "매장 방문(STORE_VISIT) 참여는 가중 추첨에서 추가 응모권을 받을 수 있습니다.");
    public static final String PRIVACY_NOTICE = "수집 항목: 이름, 휴대폰 번호. 이용 목적: 이벤트 참여 확인, 중복 참여 방지, 당첨 안내. "
            + "이름과 휴대폰 번호는 암호화되어 저장되며 화면과 파일에는 가려서(예: 김*수, 010-****-5678) 표시됩니다. "
            + "보관 기간: 미당첨자 정보는 이벤트 종료 후 30일, 당첨자 정보는 경품 지급 기간이 끝난 후 파기합니다.";

    private final ParticipationService participation;
    private final PublicUrlProperties urls;
    private final ClientAddresses clients;

    public PublicParticipationController(ParticipationService participation, PublicUrlProperties urls, ClientAddresses clients) {
        this.participation = participation;
        this.urls = urls;
        this.clients = clients;
    }

    @GetMapping("/{id}")
    @Operation(summary = "The event as a customer sees it; only ACTIVE events inside their period (else 404)")
    public ParticipationViews.PublicEvent event(@PathVariable long id) {
        OpenEvents.PublicEvent e = participation.publicEvent(id);
        return new ParticipationViews.PublicEvent(e.id(), e.title(), e.prize(), e.participationMethod(), e.guide(),
                e.storeName(), e.startAt(), e.endAt(), e.imageUrl(), e.entryPaths().stream().sorted().toList(), RULES,
                PRIVACY_NOTICE, e.commitment(), urls.participationUrl(e.id()), e.phoneVerification());
    }

    @PostMapping("/{id}/phone-verifications")
    @Operation(summary = "Send a 6-digit SMS code to the phone (events with phone verification only); 429 when asked again too soon")
    public ResponseEntity<PhoneVerifications.Sent> sendCode(@PathVariable long id,
                                                            @RequestBody(required = false) ParticipationViews.VerificationRequest body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(participation.sendCode(id, body == null ? null : body.phone()));
    }

    @PostMapping("/{id}/participations")
    @Operation(summary = "Enter the event: 201 with an entry number; the same phone again → 409; Idempotency-Key replays;"
            + " verificationCode where the event asks for phone verification")
    public ResponseEntity<ParticipationViews.EntryCreated> enter(@PathVariable long id,
                                                                 @RequestBody(required = false) ParticipationViews.EntryRequest body,
                                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                                 HttpServletRequest request) {
        ParticipationService.Outcome outcome = participation.enter(id, body, clients.of(request), key);
        var response = ResponseEntity.status(HttpStatus.CREATED);
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(new ParticipationViews.EntryCreated(outcome.entryNumber()));
    }
}
