package no.samrad.party.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** One party's link to another through a change of the register: who took over from whom, how and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Succession(String key, String code, Kind change, LocalDate effectiveOn, String tasks) {

    public enum Kind {
        /** The same ministry under a new code. */
        RENAMED,
        /** One ministry divided among several. */
        SPLIT,
        /** Several ministries made one. */
        MERGED,
        /** Tasks, and the records named with them, moved from one ministry to another; both continue. */
        TASKS_MOVED
    }
}
