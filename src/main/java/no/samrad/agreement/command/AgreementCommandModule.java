package no.samrad.agreement.command;

import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.RenamedFieldUpcaster;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers the agreement aggregate, its supersession handler, and the upcasters of its older events. */
@ApplicationScoped
public class AgreementCommandModule implements AxonModule {

    private final int snapshotThreshold;

    AgreementCommandModule(@ConfigProperty(name = "samrad.axon.snapshot-threshold", defaultValue = "0")
                           int snapshotThreshold) {
        this.snapshotThreshold = snapshotThreshold;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Agreement.class, snapshotThreshold));
        configurer.registerCommandHandler(c -> new AgreementSupersession(c.repository(Agreement.class)));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementExpired.class, "1", "2", "expiredOn",
                "lastDayInForce"));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementTerminated.class, "1", "2",
                "terminatedOn", "lastDayInForce"));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementSuperseded.class, "1", "2",
                "supersededOn", "lastDayInForce"));
    }
}
