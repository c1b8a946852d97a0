package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.distribution.notification.NotificationProperties;
import com.kt.eventmarketing.distribution.notification.WinnerNotification;
import com.kt.eventmarketing.distribution.notification.WinnerNotificationClient;
import com.kt.eventmarketing.shared.SandboxServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WinnerNotificationClientTest {

    private final SandboxServer sandbox = SandboxServer.get();
    private final WinnerNotificationClient client = new WinnerNotificationClient(new NotificationProperties(null,
            "key", "15880000", "sender", Duration.ofSeconds(5)), sandbox.clients(), SandboxServer.guard());

    @Test
    void aResentNotificationReachesTheWinnerOnceAndKeepsThePhoneOutOfTheKey() {
        sandbox.reset();
        WinnerNotification notification = new WinnerNotification(21, WinnerNotification.keyFor(21, 7),
                "01012345678", "당첨을 축하합니다!", "WIN_01");

        var first = client.sendAlimtalk(notification);
        var second = client.sendAlimtalk(notification);
        client.sendSms(notification);

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(sandbox.requests("alimtalk")).contains("\"replayed\":true");
        assertThat(notification.idempotencyKey()).isEqualTo("notify-21-7");
        assertThat(notification.toString()).doesNotContain("01012345678");
    }
}
