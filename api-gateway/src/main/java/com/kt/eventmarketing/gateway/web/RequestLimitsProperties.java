package com.kt.eventmarketing.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body any endpoint reads (env {@code KT_MAX_BODY_SIZE}); the largest real
 *                    body, a channel choice with six channels' settings, is a few kilobytes
 */
@ConfigurationProperties("kt.http.limits")
public record RequestLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
