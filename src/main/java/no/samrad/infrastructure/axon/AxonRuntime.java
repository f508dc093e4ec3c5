package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationParameterResolverFactory;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds, starts and stops the Axon configuration inside Quarkus: a local command bus, an
 * embedded event store on the application's datasource, Jackson for every serialised message,
 * read models kept inline by subscribing processors in the command's transaction, and a pooled
 * streaming processor, with its token in the same database, for each keeper of the published
 * log. Capabilities contribute their aggregates through {@link AxonModule}s; every
 * {@link Projection} bean gets a subscribing processor of its own.
 *
 * <p>Axon has no CDI integration of its own, so this bean owns its lifecycle; {@link
 * no.samrad.infrastructure.startup.StartupSequence} starts it once Flyway has migrated, and it is
 * shut down with the container.
 */
@ApplicationScoped
public class AxonRuntime {

    /** Axon 4 prints an advertisement for AxonIQ Console at start unless this is set. */
    private static final String QUIET_CONSOLE_PROPERTY = "disable-axoniq-console-message";

    /** The snake_case names of the Flyway migration V1, instead of Axon's JPA-style defaults. */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();
    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /** Events read per query by processors and rebuilds; Axon's default of 100 made a rebuild 10,000 queries. */
    private static final int EVENTS_PER_READ = 500;

    private final Configuration configuration;
    private final JtaTransactionManager transactionManager;
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "samrad-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private EventStorageEngine storageEngine;
    private PromptEventSource promptSource;
    private volatile boolean started;

    AxonRuntime(AgroalDataSource dataSource,
                jakarta.transaction.TransactionManager jta,
                ObjectMapper objectMapper,
                @All List<AxonModule> modules,
                @All List<Projection> projections,
                ReadModels readModels,
                @All List<EventLogKeeper> logKeepers,
                AxonMetrics metrics,
                ProcessorProgress progress,
                ServiceInstances instances,
                SamradClock clock,
                @ConfigProperty(name = "samrad.axon.processor-batch-size", defaultValue = "100") int batchSize,
                @ConfigProperty(name = "samrad.axon.claim-timeout", defaultValue = "10s") Duration claimTimeout) {
        System.setProperty(QUIET_CONSOLE_PROPERTY, "true");
        // Events carry their time as the store keeps it, to the millisecond: the inline read models
        // see an event before it is read back, and a rebuild must find the same time in it then.
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
        this.transactionManager = new JtaTransactionManager(jta);
        JacksonSerializer serializer = new StoredTypeSerializer(JacksonSerializer.builder()
                .objectMapper(objectMapper.copy()),
                modules.stream().flatMap(module -> module.movedTypes().stream()).toList());

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactionManager)
                .configureCorrelationDataProviders(c -> List.of(
                        new SimpleCorrelationDataProvider(EventMetadata.PROPAGATED)))
                .configureEmbeddedEventStore(c -> storageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(dataSource::getConnection)
                        .transactionManager(transactionManager)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .persistenceExceptionResolver(new SqlStateExceptionResolver())
                        .upcasterChain(c.upcasterChain())
                        .snapshotFilter(c.snapshotFilter())
                        .dataType(byte[].class)
                        .batchSize(EVENTS_PER_READ)
                        .schema(EVENT_SCHEMA)
                        .build()));
        configurer.configureSnapshotter(c -> snapshotter(c, transactionManager));
        // Command handlers take "today" from Samråd's clock as a parameter: the aggregates hold nothing injected.
        configurer.registerComponent(SamradClock.class, c -> clock);
        configurer.registerComponent(ParameterResolverFactory.class, c -> MultiParameterResolverFactory.ordered(
                Stream.concat(Stream.of(ClasspathParameterResolverFactory.forClass(AxonRuntime.class),
                                new ConfigurationParameterResolverFactory(c)),
                        modules.stream().flatMap(module -> module.parameterResolvers().stream())).toList()));
        // Read models are kept inline: subscribing processors handle the events in the unit of work
        // that publishes them, in its transaction; a failing handler fails the command.
        configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(c -> promptSource(c.eventStore()))
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(dataSource::getConnection)
                        .serializer(serializer)
                        .contentType(byte[].class)
                        .schema(TOKEN_SCHEMA)
                        .claimTimeout(claimTimeout)
                        // The claim names the instance by the id the instance register knows it by.
                        .nodeId(instances.self())
                        .build());
        configurer.eventProcessing().registerDefaultHandlerInterceptor((c, name) -> progress.signalOnCommit());
        modules.forEach(module -> module.configure(configurer));
        projections.forEach(projection -> {
            String model = ReadModels.processingGroup(projection);
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(model)
                    .registerEventHandler(c -> ClientProxy.unwrap(projection))
                    .registerHandlerInterceptor(model, c -> readModels.holdBarrierUntilCommitted(model))
                    .registerHandlerInterceptor(model, c -> readModels.countViews(model));
        });
        logKeepers.forEach(keeper -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(keeper.processorName(), c -> promptSource(c.eventStore()),
                        (c, builder) -> builder.batchSize(batchSize).initialSegmentCount(1))
                .registerEventHandler(c -> ClientProxy.unwrap(keeper)));
        this.configuration = configurer.buildConfiguration();
        configuration.commandBus().registerDispatchInterceptor(new CallerMetadataInterceptor());
        configuration.commandBus().registerHandlerInterceptor(metrics.commandTimer());
        configuration.eventStore().registerDispatchInterceptor(metrics.eventCounter());
    }

    /**
     * Axon's own snapshotter, with one change: it takes snapshots on a thread of its own after the
     * command's transaction has committed, instead of in the command's thread before it answers,
     * where every hundredth command on a long record paid for loading and storing the whole
     * aggregate. A snapshot only shortens later loads, so one lost in a crash costs nothing.
     */
    private Snapshotter snapshotter(Configuration c, TransactionManager transactionManager) {
        List<AggregateConfiguration> aggregates = c.findModules(AggregateConfiguration.class);
        List<AggregateFactory<?>> factories = aggregates.stream()
                .<AggregateFactory<?>>map(AggregateConfiguration::aggregateFactory).toList();
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .transactionManager(transactionManager)
                .aggregateFactories(factories)
                .repositoryProvider(c::repository)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(aggregates.get(0).aggregateType()))
                .spanFactory(c.getComponent(SnapshotterSpanFactory.class))
                .executor(snapshots)
                .build();
    }

    private synchronized EventStorageEngine storageEngine(EventStorageEngine engine) {
        storageEngine = engine;
        return engine;
    }

    private synchronized PromptEventSource promptSource(EventStore eventStore) {
        if (promptSource == null) {
            promptSource = new PromptEventSource(eventStore, storageEngine);
        }
        return promptSource;
    }

    /** Starts command handling and event processing; called once by the startup sequence. */
    public synchronized void start() {
        if (!started) {
            configuration.start();
            started = true;
        }
    }

    public synchronized void shutdown() {
        if (started) {
            configuration.shutdown();
            started = false;
        }
        if (promptSource != null) {
            promptSource.shutdown();
        }
        snapshots.shutdown();
    }

    public boolean isStarted() {
        return started;
    }

    /** The event store's storage engine, for reads that follow the log themselves (rebuilds). */
    EventStorageEngine storageEngine() {
        return storageEngine;
    }

    public Configuration configuration() {
        return configuration;
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    /**
     * The transaction manager of Axon's units of work, for work that groups several commands in one
     * unit (an import of historical material records each record whole, or in a dry run nothing).
     */
    public TransactionManager transactionManager() {
        return transactionManager;
    }

    /** Transactions whose work is always discarded, for a dry run of many commands (see {@link JtaTransactionManager}). */
    public TransactionManager discardedTransactions() {
        return transactionManager::startDiscarded;
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration.eventStore();
    }
}
