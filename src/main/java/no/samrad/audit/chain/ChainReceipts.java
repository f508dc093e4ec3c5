package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.security.Caller;
import no.samrad.infrastructure.web.CommandReceipts;

/**
 * The receipt of the current request: the chain links of the events its commands caused, once the
 * chainer has reached them.
 */
@ApplicationScoped
public class ChainReceipts implements CommandReceipts {

    private final ChainStore chain;
    private final ProjectionCatchUp catchUp;
    private final Caller caller;

    ChainReceipts(ChainStore chain, ProjectionCatchUp catchUp, Caller caller) {
        this.chain = chain;
        this.catchUp = catchUp;
        this.caller = caller;
    }

    @Override
    public Optional<String> forThisRequest(long head, Duration timeout) {
        if (!catchUp.await(EventChainer.PROCESSOR, head, timeout)) {
            return Optional.empty();
        }
        var links = chain.ofRequest(caller.requestId());
        if (links.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(links.stream()
                .map(link -> link.position() + " " + link.eventId() + " " + link.hash())
                .collect(Collectors.joining(", ")));
    }
}
