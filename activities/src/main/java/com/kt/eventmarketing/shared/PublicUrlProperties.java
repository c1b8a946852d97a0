package com.kt.eventmarketing.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where customers and owners reach the gateway from outside: stored images and participation pages (and the QR
 * codes drawn into images) point here.
 *
 * @param baseUrl public root of the gateway (env {@code KT_PUBLIC_BASE_URL})
 */
@ConfigurationProperties("kt.public")
public record PublicUrlProperties(@DefaultValue("http://127.0.0.1:8080") URI baseUrl) {

    private static final Pattern ENTRY_PATH = Pattern.compile("[A-Z_]+");

    public String imageUrl(String imageId) {
        return root() + "/api/v1/images/" + imageId + ".png";
    }

    /** The customer's entry page of the event (short, because it is typed, printed and put in QR codes). */
    public String participationUrl(long eventId) {
        return root() + "/e/" + eventId;
    }

    /**
     * The entry page marked with where the visitor came from: a channel's enum name ({@code ?via=INSTAGRAM}) in that
     * channel's post, {@code STORE_VISIT} in the poster's QR code. The page preselects it as the entry path.
     */
    public String participationUrl(long eventId, String via) {
        if (via == null || !ENTRY_PATH.matcher(via).matches()) {
            throw new IllegalArgumentException("via must be an entry path such as INSTAGRAM or STORE_VISIT: " + via);
        }
        return participationUrl(eventId) + "?via=" + via;
    }

    private String root() {
        return baseUrl.toString().replaceAll("/+$", "");
    }
}
