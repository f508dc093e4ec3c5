package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renames a party from {@code renamedOn}; {@code newCode} is given only where the code changes too,
 * and {@code orgNo} only where the renamed party's organisation number is another (or first known).
 */
public record RenameParty(@TargetAggregateIdentifier String registerId, String key, LocalDate renamedOn, String name,
                          String nameEn, String newCode, String orgNo, String source) implements RegisterChange {
}
