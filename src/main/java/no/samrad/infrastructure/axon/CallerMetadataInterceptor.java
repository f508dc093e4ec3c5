package no.samrad.infrastructure.axon;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.samrad.infrastructure.security.Caller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps every command sent while serving an HTTP request with who sent it: the token's subject,
 * party and organisation, the request's correlation id, and the request's own id (the key of its
 * receipt). The events the command causes inherit
 * them. Commands sent outside a request (Samråd's own jobs) carry the metadata their sender set.
 */
class CallerMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> caller = currentCaller();
            return caller.isEmpty() ? command : command.andMetaData(caller);
        };
    }

    private static Map<String, Object> currentCaller() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Map.of();
        }
        Caller caller = Arc.container().instance(Caller.class).get();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.CORRELATION_ID, caller.correlationId());
        metadata.put(EventMetadata.REQUEST_ID, caller.requestId());
        caller.subject().ifPresent(sub -> metadata.put(EventMetadata.SUB, sub));
        caller.party().ifPresent(party -> metadata.put(EventMetadata.PARTY, party));
        caller.consumerOrgNo().ifPresent(orgNo -> metadata.put(EventMetadata.CONSUMER_ORGNO, orgNo));
        return metadata;
    }
}
