package no.samrad.infrastructure.web;

import java.util.List;

/**
 * One page of a list. {@code next} is the address of the following page, or absent on the last.
 */
public record Page<T>(List<T> items, long total, int limit, int offset, String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
