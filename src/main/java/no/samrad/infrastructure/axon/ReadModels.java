package no.samrad.infrastructure.axon;

import io.quarkus.arc.All;
import io.quarkus.arc.ClientProxy;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The read models, kept inline: each projection's handlers run in the command's own transaction,
 * so a committed command's record is in every model at commit.
 *
 * <p>A rebuild replaces a model's rows while commands go on writing to it. In its last step it
 * takes the model's write barrier: a command's unit of work holds the barrier's shared side from
 * its first event handled by the model until it has committed or rolled back, so the rebuild
 * waits for every command that has written to the model and no command writes to it until the
 * rebuilt rows have committed. The barrier is this process's; several instances on one
 * PostgreSQL are held apart by a table lock as well ({@link ProjectionRebuilder}).
 */
@ApplicationScoped
public class ReadModels {

    private final Map<String, Projection> projections;
    private final EntityManagerFactory entityManagerFactory;
    private final Map<String, ReadWriteLock> barriers = new ConcurrentHashMap<>();
    private final Map<String, ViewRows> rows = new ConcurrentHashMap<>();

    ReadModels(@All List<Projection> projections, EntityManagerFactory entityManagerFactory) {
        this.projections = projections.stream().collect(Collectors.toMap(ReadModels::processingGroup,
                Function.identity()));
        this.entityManagerFactory = entityManagerFactory;
    }

    /** The names of the read models, which are their processing groups. */
    public SortedSet<String> names() {
        return new TreeSet<>(projections.keySet());
    }

    public Optional<Projection> projection(String name) {
        return Optional.ofNullable(projections.get(name));
    }

    /** The model's tables, each before any it refers to: the order they are emptied in. */
    public List<String> tables(String name) {
        List<String> tables = new ArrayList<>(rebuildTables(name).stream().map(ViewRows.Table::name).toList());
        Collections.reverse(tables);
        return tables;
    }

    /** The model's tables as a rebuild writes them: the views' tables, then the counts. */
    List<ViewRows.Table> rebuildTables(String name) {
        List<ViewRows.Table> tables = new ArrayList<>(rows(name).tables());
        tables.add(projection(name).orElseThrow().counts().rebuildTable());
        return List.copyOf(tables);
    }

    /** How the model's views are stored as rows, from the mapping of its view entity. */
    ViewRows rows(String name) {
        return rows.computeIfAbsent(name, model -> ViewRows.of(entityManagerFactory.unwrap(
                SessionFactoryImplementor.class), projection(model).orElseThrow().viewType()));
    }

    public boolean isReadModel(String processingGroup) {
        return projections.containsKey(processingGroup);
    }

    /** The model's write barrier: commands hold its shared side, a rebuild's last step its exclusive side. */
    ReadWriteLock barrier(String name) {
        return barriers.computeIfAbsent(name, model -> new ReentrantReadWriteLock(true));
    }

    /**
     * Takes the shared side of the model's barrier for the unit of work that publishes the events
     * the model handles, once, and lets go of it when that unit of work has ended.
     */
    MessageHandlerInterceptor<EventMessage<?>> holdBarrierUntilCommitted(String name) {
        String held = ReadModels.class.getName() + ".held." + name;
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            if (root.resources().putIfAbsent(held, Boolean.TRUE) == null) {
                ReadWriteLock barrier = barrier(name);
                barrier.readLock().lock();
                root.onCleanup(ended -> barrier.readLock().unlock());
            }
            return chain.proceed();
        };
    }

    /**
     * Keeps the model's counts ({@link ViewCounts}) as its handlers change its views: the view of
     * the event's record is looked at before the handler and after (the handler then finds it in
     * the session, so this costs no read), and its count moved if what it is counted by changed.
     */
    MessageHandlerInterceptor<EventMessage<?>> countViews(String name) {
        ViewCounts<?> counts = projection(name).orElseThrow().counts();
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (!(unitOfWork.getMessage() instanceof DomainEventMessage<?> event)
                    || !counts.recordType().equals(event.getType())) {
                return chain.proceed();
            }
            EntityManager entityManager = Panache.getEntityManager();
            UUID record = UUID.fromString(event.getAggregateIdentifier());
            // A record's first event finds no view: events are handled once, in the unit of work that appends them.
            List<Object> before = event.getSequenceNumber() == 0 ? null
                    : counts.facets(entityManager.find(counts.viewType(), record));
            Object result = chain.proceed();
            counts.move(entityManager, record, before, counts.facets(entityManager.find(counts.viewType(), record)));
            return result;
        };
    }

    static String processingGroup(Projection projection) {
        return ClientProxy.unwrap(projection).getClass().getAnnotation(ProcessingGroup.class).value();
    }
}
