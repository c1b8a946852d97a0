package com.kt.eventmarketing.events;

/** What the owner wants the event to achieve. */
public enum EventObjective {
    /** 신규 고객 유치 */
    NEW_CUSTOMERS,
    /** 재방문 유도 */
    REVISIT,
    /** 매출 증대 */
    SALES,
    /** 인지도 향상 */
    AWARENESS
}
