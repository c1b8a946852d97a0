package com.kt.eventmarketing.distribution.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The SMS gateway and Kakao 알림톡 used to tell winners.
 *
 * @param baseUrl           root of both APIs; default {@code kt.external.base-url}
 * @param apiKey            bearer token; never logged
 * @param senderNumber      the registered SMS sender number
 * @param alimtalkSenderKey the Kakao business channel's sender key
 * @param readTimeout       how long one send may take
 */
@ConfigurationProperties("kt.external.notifications")
public record NotificationProperties(URI baseUrl,
                                     @DefaultValue("sandbox") String apiKey,
                                     @DefaultValue("15880000") String senderNumber,
                                     @DefaultValue("sandbox") String alimtalkSenderKey,
                                     @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
        return "NotificationProperties[baseUrl=" + baseUrl + ", apiKey=***, senderNumber=" + senderNumber
                + ", alimtalkSenderKey=***, readTimeout=" + readTimeout + "]";
    }
}
