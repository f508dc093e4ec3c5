package no.samrad.cases.api;

/**
 * The law or regulation a law-participation case concerns; {@code kind} may be unknown when the
 * work starts; {@code eeaOrigin}: it stems from EU/EEA rules.
 */
public record LawInQuestion(String title, LawKind kind, boolean eeaOrigin) {
}
