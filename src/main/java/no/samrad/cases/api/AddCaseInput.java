package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a party's written input (innspill); {@code party} left out is the sender's, {@code meetingId} may be. */
public record AddCaseInput(@TargetAggregateIdentifier UUID caseId, UUID inputId, String party, LocalDate givenOn,
                           String text, UUID meetingId, @TargetAggregateVersion Long expectedVersion) {
}
