package com.kt.eventmarketing.gateway.web;

/**
 * The paging rule of every list: {@code page} from 0, {@code size} within the list's bounds, and an offset
 * ({@code page × size}) that fits the int offsets of JPA and JDBC drivers — a page far past the end is an empty
 * page, but one whose offset overflows was a 500 (found by the OpenAPI fuzz test).
 */
public record Paging(int page, int size) {
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    /** Checks the parameters, answering 400 naming the parameter and the rule. */
    public static Paging of(int page, int size, int minSize, int maxSize) {
        if (size < minSize || size > maxSize) {
            throw ApiException.badField("size", "range", "must be " + minSize + "-" + maxSize);
        }
        if (page < 0) {
            throw ApiException.badField("page", "min", "must be 0 or more");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ApiException.badField("page", "max", "page × size must be at most " + MAX_OFFSET);
        }
        return new Paging(page, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
