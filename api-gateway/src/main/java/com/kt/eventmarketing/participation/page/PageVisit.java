package com.kt.eventmarketing.participation.page;

import java.time.LocalDate;

/**
 * One visitor's first view of an event's page on one day (Asia/Seoul), as buffered in Redis.
 *
 * @param visitor keyed hash of the visitor's id (never the cookie or the address itself)
 * @param alias   keyed hash of the cookie handed out on this visit when the visitor was known by address and user
 *                agent only, or "": stored as seen too, so the visitor's next view (with the cookie) is not a
 *                second count, even after Redis forgot today's visitors
 */
record PageVisit(long eventId, LocalDate day, String visitor, String alias) {

    String encode() {
        return eventId + "|" + day + "|" + visitor + "|" + alias;
    }

    static PageVisit decode(String member) {
        String[] parts = member.split("\\|", -1);
        return new PageVisit(Long.parseLong(parts[0]), LocalDate.parse(parts[1]), parts[2], parts[3]);
    }
}
