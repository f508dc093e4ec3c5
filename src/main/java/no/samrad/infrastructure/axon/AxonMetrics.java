package no.samrad.infrastructure.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import no.samrad.infrastructure.api.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * Prometheus metrics of the write side and the read models: {@code samrad_commands_seconds} by
 * command type and outcome ({@code accepted}, {@code refused} by a rule, {@code failed}),
 * {@code samrad_events_appended_total} by event type, and {@code samrad_projection_lag_events} per
 * read model.
 */
@ApplicationScoped
public class AxonMetrics {

    private final MeterRegistry registry;

    AxonMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    MessageHandlerInterceptor<CommandMessage<?>> commandTimer() {
        return (unitOfWork, chain) -> {
            String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
            Timer.Sample sample = Timer.start(registry);
            unitOfWork.afterCommit(u -> sample.stop(commandTimer(type, "accepted")));
            unitOfWork.onRollback(u -> sample.stop(commandTimer(type,
                    u.getExecutionResult().getExceptionResult() instanceof DomainException ? "refused" : "failed")));
            return chain.proceed();
        };
    }

    MessageDispatchInterceptor<EventMessage<?>> eventCounter() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    Counter.builder("samrad.events.appended")
                            .description("Events appended to the event store")
                            .tag("type", event.getPayloadType().getSimpleName())
                            .register(registry)
                            .increment();
                    return event;
                };
            }
        };
    }

    public void watchLag(ProjectionCatchUp projections) {
        for (String name : projections.processorNames()) {
            Gauge.builder("samrad.projection.lag.events", projections,
                            p -> Math.max(0, p.headPosition() - p.position(name).orElse(-1)))
                    .description("Events the read model has not yet processed")
                    .tag("projection", name)
                    .register(registry);
        }
    }

    private Timer commandTimer(String type, String outcome) {
        return Timer.builder("samrad.commands")
                .description("Commands handled, by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry);
    }
}
