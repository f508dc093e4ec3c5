package no.samrad.audit.query;

import java.util.List;

/**
 * A page of the published log: the events after a position. {@code next} is the address that
 * continues where this page ends, also when it is empty; {@code head} is the last position now.
 */
public record FeedPage(List<FeedEvent> items, long head, String next) {
}
