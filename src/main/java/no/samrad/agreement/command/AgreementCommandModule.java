package no.samrad.agreement.command;

import jakarta.enterprise.context.ApplicationScoped;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.infrastructure.axon.AddedFieldsUpcaster;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.axon.RenamedFieldUpcaster;
import no.samrad.infrastructure.axon.VersionCheckedRepository;
import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registers the agreement aggregate, its entry and supersession handlers, and the upcasters of its older events. */
@ApplicationScoped
class AgreementCommandModule implements AxonModule {

    private final int snapshotThreshold;

    AgreementCommandModule(@ConfigProperty(name = "samrad.axon.snapshot-threshold", defaultValue = "0")
                           int snapshotThreshold) {
        this.snapshotThreshold = snapshotThreshold;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(VersionCheckedRepository.aggregate(Agreement.class, snapshotThreshold));
        configurer.registerCommandHandler(c -> new AgreementSupersession(c.repository(Agreement.class)));
        configurer.registerCommandHandler(c -> new AgreementLines(c.repository(Agreement.class)));
        configurer.registerEventUpcaster(c -> new AddedFieldsUpcaster(AgreementEntered.class, "1", "2", "continues",
                "coordinator"));
        configurer.registerEventUpcaster(c -> new AddedFieldsUpcaster(AgreementRenewed.class, "1", "2",
                "coordinator"));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementExpired.class, "1", "2", "expiredOn",
                "lastDayInForce"));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementTerminated.class, "1", "2",
                "terminatedOn", "lastDayInForce"));
        configurer.registerEventUpcaster(c -> new RenamedFieldUpcaster(AgreementSuperseded.class, "1", "2",
                "supersededOn", "lastDayInForce"));
    }
}
