package no.samrad.party.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A party that takes over part of a split ministry, or that a merger forms. {@code code} and
 * {@code name} are set for a party the change establishes; both are {@code null} where an existing
 * party ({@code key}) takes the part over. {@code records} are the ids of the records that follow
 * this part; the one part with {@code remainingRecords} takes every record no other part names.
 */
public record SuccessorPart(String key, String code, String name, String nameEn, String orgNo, String tasks,
                            List<String> records, boolean remainingRecords) {

    public SuccessorPart {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** Whether the change establishes this party, rather than handing the part to an existing one. */
    @JsonIgnore
    public boolean isNew() {
        return code != null;
    }
}
