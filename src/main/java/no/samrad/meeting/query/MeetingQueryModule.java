package no.samrad.meeting.query;

import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.infrastructure.axon.AxonModule;
import org.axonframework.config.Configurer;

/** Registers the meeting projection with its own pooled streaming processor. */
@ApplicationScoped
public class MeetingQueryModule implements AxonModule {

    private final MeetingProjection projection;

    MeetingQueryModule(MeetingProjection projection) {
        this.projection = projection;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> ClientProxy.unwrap(projection));
    }
}
