package no.samrad.party.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A party took a new name from {@code renamedOn}. Where its code changed too, the party continues
 * under a new register entry {@code newKey} with {@code newCode}, and {@code key} ends the day
 * before, and {@code orgNo} is the new entry's organisation number; where the code stayed,
 * {@code newKey}, {@code newCode} and {@code orgNo} are {@code null} and the old name becomes a
 * former name of the same entry.
 */
@Revision("1")
public record PartyRenamed(String registerId, String key, LocalDate renamedOn, String name, String nameEn,
                           String newKey, String newCode, String orgNo, String source) implements RegisterEvent {

    @Override
    public LocalDate effectiveOn() {
        return renamedOn;
    }
}
