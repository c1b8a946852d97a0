package com.kt.eventmarketing.participation.verification;

import com.kt.eventmarketing.distribution.notification.NotificationProperties;
import com.kt.eventmarketing.shared.resilience.ExternalHttpProperties;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.UUID;

/**
 * Sends a verification code by the SMS provider that tells winners (same base URL, key and sender number: the
 * sandbox locally). The gateway makes its own small client because the workers' notification client is an activity
 * dependency it does not load; the message text is never logged (it holds the code).
 */
@Component
class VerificationSms {
    private final RestClient http;
    private final NotificationProperties properties;

    VerificationSms(NotificationProperties properties, ExternalHttpProperties external) {
        this.properties = properties;
        this.http = new RestClientFactory(external).builder(properties.baseUrl(), "", properties.readTimeout())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey())
                .build();
    }

    record SmsRequest(String from, String to, String text) {
    }

    void send(String phone, String code, Duration validFor) {
        http.post().uri("/sms/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(new SmsRequest(properties.senderNumber(), phone, "[KT 이벤트] 참여 인증번호 " + code
                        + " (" + validFor.toMinutes() + "분 안에 입력해 주세요)"))
                .retrieve().toBodilessEntity();
    }
}
