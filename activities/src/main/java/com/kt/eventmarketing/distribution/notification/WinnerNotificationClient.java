package com.kt.eventmarketing.distribution.notification;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Sends winner notifications by SMS or Kakao 알림톡, each behind its own circuit breaker. */
@Component
public class WinnerNotificationClient {

    public static final String SMS_BREAKER = "sms";
    public static final String ALIMTALK_BREAKER = "alimtalk";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient http;
    private final ExternalCallGuard guard;
    private final NotificationProperties properties;

    public WinnerNotificationClient(NotificationProperties properties, RestClientFactory clients,
                                    ExternalCallGuard guard) {
        this.properties = properties;
        this.guard = guard;
        this.http = clients.builder(properties.baseUrl(), "", properties.readTimeout())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey())
                .build();
    }

    record SmsRequest(String from, String to, String text) {
    }

    record AlimtalkRequest(String senderKey, String templateCode, String to, String text) {
    }

    public record SendResult(String messageId, String status) {
    }

    public SendResult sendSms(WinnerNotification notification) {
        SmsRequest sms = new SmsRequest(properties.senderNumber(), notification.recipientPhone(), notification.text());
        return guard.call(SMS_BREAKER, () -> post("/sms/v1/messages", notification, sms));
    }

    public SendResult sendAlimtalk(WinnerNotification notification) {
        AlimtalkRequest message = new AlimtalkRequest(properties.alimtalkSenderKey(),
                notification.alimtalkTemplateCode(), notification.recipientPhone(), notification.text());
        return guard.call(ALIMTALK_BREAKER, () -> post("/kakao/v1/alimtalk/messages", notification, message));
    }

    private SendResult post(String path, WinnerNotification notification, Object body) {
        return http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, notification.idempotencyKey())
                .body(body)
                .retrieve().body(SendResult.class);
    }
}
