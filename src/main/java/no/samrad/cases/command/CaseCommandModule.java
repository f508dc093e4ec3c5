package no.samrad.cases.command;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.stream.Stream;
import no.samrad.cases.cost.api.CostCaseEvent;
import no.samrad.cases.law.api.LawParticipationEvent;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import no.samrad.meeting.command.EventSourcedMeetingCalendar;
import no.samrad.meeting.command.Meeting;
import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers the case aggregate and the desk that handles its reports and meeting commands. */
@ApplicationScoped
class CaseCommandModule implements AxonModule {

    private final int snapshotThreshold;
    private final CaseNumbers numbers;

    CaseCommandModule(@ConfigProperty(name = "samrad.axon.snapshot-threshold", defaultValue = "0")
                      int snapshotThreshold, CaseNumbers numbers) {
        this.snapshotThreshold = snapshotThreshold;
        this.numbers = numbers;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Case.class, snapshotThreshold));
        configurer.registerCommandHandler(c -> new CaseDesk(c.repository(Case.class),
                new EventSourcedMeetingCalendar(c.repository(Meeting.class)), numbers));
    }

    /** The events of cost calculations and law participation, stored before they moved under {@code cases}. */
    @Override
    public Collection<Class<?>> movedTypes() {
        return Stream.of(CostCaseEvent.class, LawParticipationEvent.class)
                .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
                .<Class<?>>map(type -> type)
                .toList();
    }
}
