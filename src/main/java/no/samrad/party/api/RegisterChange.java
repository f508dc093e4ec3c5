package no.samrad.party.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A command that changes the party register. In the register's history file (and an import) each
 * change names its kind in {@code change}: {@code established}, {@code renamed}, {@code split},
 * {@code merged}, {@code tasksMoved} or {@code abolished}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "change")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EstablishParty.class, name = "established"),
        @JsonSubTypes.Type(value = RenameParty.class, name = "renamed"),
        @JsonSubTypes.Type(value = SplitParty.class, name = "split"),
        @JsonSubTypes.Type(value = MergeParties.class, name = "merged"),
        @JsonSubTypes.Type(value = MoveTasks.class, name = "tasksMoved"),
        @JsonSubTypes.Type(value = AbolishParty.class, name = "abolished")})
public sealed interface RegisterChange
        permits EstablishParty, RenameParty, SplitParty, MergeParties, MoveTasks, AbolishParty {

    String registerId();

    String source();
}
