package no.samrad.agreement.expiry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.agreement.api.AgreementErrors;
import no.samrad.agreement.api.ExpireAgreement;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.instance.WorkLeases;
import no.samrad.infrastructure.startup.ApplicationReady;
import no.samrad.infrastructure.startup.StartupSequence;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.jboss.logging.Logger;

/**
 * Expires every running agreement whose expiry date has passed in Europe/Oslo. It runs when
 * Samråd is ready, so that agreements whose date passed while the service was down expire at
 * start, and then on a schedule; of the instances sharing the database, only the one that holds
 * the work does ({@link WorkLeases}), and another takes it over when that one is gone. The read model only nominates candidates: each agreement decides
 * for itself, so a sweep that races a renewal, or runs twice, changes nothing it should not.
 */
@ApplicationScoped
public class AgreementExpiryJob {

    static final String WORK = "agreement-expiry";
    private static final Logger LOG = Logger.getLogger(AgreementExpiryJob.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final AgreementQueries queries;
    private final ProjectionCatchUp catchUp;
    private final SamradClock clock;
    private final StartupSequence startup;
    private final WorkLeases leases;

    AgreementExpiryJob(CommandGateway commands, AgreementQueries queries, ProjectionCatchUp catchUp,
                       SamradClock clock, StartupSequence startup, WorkLeases leases) {
        this.leases = leases;
        this.commands = commands;
        this.queries = queries;
        this.catchUp = catchUp;
        this.clock = clock;
        this.startup = startup;
    }

    void onReady(@ObservesAsync ApplicationReady ready) {
        if (leases.runsHere(WORK)) {
            sweep();
        }
    }

    @Scheduled(every = "${samrad.expiry.interval}", delayed = "${samrad.expiry.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (startup.isReady() && leases.runsHere(WORK)) {
            sweep();
        }
    }

    /**
     * Expires what is due today.
     *
     * @return how many agreements this sweep expired
     */
    public synchronized int sweep() {
        LocalDate today = clock.today();
        if (!catchUp.await(AgreementProjection.PROCESSING_GROUP, CATCH_UP_TIMEOUT)) {
            LOG.warn("The agreement read model is behind; expiring what it shows now, the rest on the next sweep.");
        }
        int expired = 0;
        MetaData sweepOrigin = EventMetadata.system("expiry-job", null);
        for (UUID id : queries.dueForExpiry(today)) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ExpireAgreement(id, today))
                        .andMetaData(sweepOrigin));
                expired++;
            } catch (DomainException e) {
                if (e.code() != AgreementErrors.AGREEMENT_STATE_CONFLICT && e.code() != AgreementErrors.NOT_YET_DUE) {
                    throw e;
                }
                LOG.debugf("Agreement %s no longer due: %s", id, e.getMessage());
            }
        }
        if (expired > 0) {
            LOG.infof("Expired %d agreement(s) whose expiry date passed before %s.", expired, today);
        }
        return expired;
    }
}
