package no.samrad.infrastructure.axon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;

/**
 * The rows a read model's view is stored as, read from Hibernate's mapping of the view's entity:
 * its table with the entity's columns, and for each ordered element collection a table with the
 * owner's id, the position and the element's columns. A rebuild writes a model's rows in bulk
 * through this, so the tables have one definition, the entity's, whether the handlers write them
 * through Hibernate or a rebuild writes them itself.
 */
final class ViewRows {

    /**
     * One of a model's tables; {@code recordColumn} holds the id of the row's record, or is
     * {@code null} in a table whose rows are of no one record (the counts).
     */
    record Table(String name, List<String> columns, String recordColumn) {
    }

    /** The rows of one table for one view. */
    private interface TableWriter {
        void rows(Object view, Object id, Consumer<Object[]> sink);
    }

    private final Map<Table, TableWriter> writers = new LinkedHashMap<>();
    private final EntityMappingType entity;

    private ViewRows(EntityMappingType entity) {
        this.entity = entity;
        List<String> rootColumns = new ArrayList<>(columns(entity.getIdentifierMapping()));
        List<AttributeMapping> rootAttributes = new ArrayList<>();
        List<PluralAttributeMapping> collections = new ArrayList<>();
        entity.forEachAttributeMapping(attribute -> {
            if (attribute instanceof PluralAttributeMapping plural) {
                collections.add(plural);
            } else {
                rootAttributes.add(attribute);
                rootColumns.addAll(columns(attribute));
            }
        });
        Table root = new Table(entity.getIdentifierTableDetails().getTableName(), List.copyOf(rootColumns),
                rootColumns.get(0));
        writers.put(root, (view, id, sink) -> {
            List<Object> row = new ArrayList<>(root.columns().size());
            add(row, entity.getIdentifierMapping(), id);
            for (AttributeMapping attribute : rootAttributes) {
                add(row, attribute, attribute.getValue(view));
            }
            sink.accept(row.toArray());
        });
        for (PluralAttributeMapping collection : collections) {
            addCollection(collection);
        }
    }

    /** The rows of the entity {@code viewType}, as Hibernate maps it. */
    static ViewRows of(SessionFactoryImplementor sessionFactory, Class<?> viewType) {
        return new ViewRows(sessionFactory.getMappingMetamodel().getEntityDescriptor(viewType));
    }

    /** The tables, the entity's own first: the order rows are written in, and the reverse of deletes. */
    List<Table> tables() {
        return List.copyOf(writers.keySet());
    }

    /** The id of the record the view is of, as its tables hold it. */
    Object id(Object view) {
        return entity.getIdentifierMapping().getIdentifier(view);
    }

    /** The rows these views have in {@code table}, one of {@link #tables()}. */
    List<Object[]> rows(Table table, Collection<?> views) {
        TableWriter writer = writers.get(table);
        List<Object[]> rows = new ArrayList<>(views.size());
        for (Object view : views) {
            writer.rows(view, id(view), rows::add);
        }
        return rows;
    }

    private void addCollection(PluralAttributeMapping collection) {
        if (collection.getIndexDescriptor() == null || collection.getElementDescriptor() == null) {
            throw new IllegalStateException(collection.getNavigableRole() + ": a rebuild writes ordered element"
                    + " collections only (@ElementCollection with @OrderColumn)");
        }
        List<String> columns = new ArrayList<>(columns(collection.getKeyDescriptor().getKeyPart()));
        String recordColumn = columns.get(0);
        columns.addAll(columns(collection.getIndexDescriptor()));
        columns.addAll(columns(collection.getElementDescriptor()));
        Table table = new Table(collection.getCollectionDescriptor().getTableName(), List.copyOf(columns),
                recordColumn);
        int indexBase = collection.getIndexMetadata().getListIndexBase();
        writers.put(table, (view, id, sink) -> {
            Object elements = collection.getValue(view);
            if (!(elements instanceof List<?> list)) {
                throw new IllegalStateException(collection.getNavigableRole() + " is not a list");
            }
            for (int position = 0; position < list.size(); position++) {
                List<Object> row = new ArrayList<>(columns.size());
                add(row, collection.getKeyDescriptor().getKeyPart(), id);
                add(row, collection.getIndexDescriptor(), position + indexBase);
                add(row, collection.getElementDescriptor(), list.get(position));
                sink.accept(row.toArray());
            }
        });
    }

    private static List<String> columns(ModelPart part) {
        List<String> columns = new ArrayList<>();
        part.forEachSelectable((index, selectable) -> {
            if (selectable.isInsertable()) {
                columns.add(selectable.getSelectionExpression());
            }
        });
        return columns;
    }

    /**
     * The part's values for the columns it writes (a column another part writes, such as a list's
     * position repeated in its element, is left to that part), as Hibernate binds them. Views hold
     * basic and embedded values only, which Hibernate converts without a session.
     */
    private static void add(List<Object> row, ModelPart part, Object value) {
        part.breakDownJdbcValues(value, (index, jdbcValue, selectable) -> {
            if (selectable.isInsertable()) {
                row.add(jdbcValue);
            }
        }, null);
    }
}
