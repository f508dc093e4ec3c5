package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
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
    private final RequestPromise requestPromise;

    ChainReceipts(ChainStore chain, ProjectionCatchUp catchUp, Caller caller, RequestPromise requestPromise) {
        this.chain = chain;
        this.catchUp = catchUp;
        this.caller = caller;
        this.requestPromise = requestPromise;
    }

    @Override
    public Optional<String> promiseForThisRequest() {
        return requestPromise.get().map(InclusionPromises.Promise::header);
    }

    @Override
    public Optional<String> forThisRequest(long head, Duration timeout) {
        List<ChainLink> links = linksOf(caller.requestId(), head, timeout);
        return links.isEmpty() ? Optional.empty() : Optional.of(text(links));
    }

    /**
     * The chain links of the events a request caused, once the chainer has reached {@code head}
     * (waiting at most {@code timeout}); empty when the log does not hold them by then.
     */
    public List<ChainLink> linksOf(String requestId, long head, Duration timeout) {
        return catchUp.await(EventChainer.PROCESSOR, head, timeout) ? chain.ofRequest(requestId) : List.of();
    }

    /** A receipt as the {@value #HEADER} header writes it: position, event id and hash of each event. */
    public static String text(List<ChainLink> links) {
        return links.stream().map(link -> link.position() + " " + link.eventId() + " " + link.hash())
                .collect(Collectors.joining(", "));
    }
}
