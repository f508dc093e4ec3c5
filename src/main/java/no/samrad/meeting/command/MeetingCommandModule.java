package no.samrad.meeting.command;

import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import org.axonframework.config.Configurer;

/** Registers the meeting aggregate and the upcaster of its older events. */
@ApplicationScoped
class MeetingCommandModule implements AxonModule {

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Meeting.class, 0));
        configurer.registerEventUpcaster(c -> new NumberedConsultationUpcaster());
    }
}
