package no.samrad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stores large volumes of events straight into the event table, in exactly the form Samråd stores
 * them: each new record is a copy of a template record that Samråd itself stored through its
 * commands, with its own ids (and, where a caller says so, other values). The projections then
 * process them as they process any event. This skips the command handlers, which P1 and P2
 * measure; it is how 100,000 records and 1,000,000 events are stored in minutes, not hours.
 */
final class Seeder {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BATCH = 2000;

    /** One stored event of a template record. */
    record Row(long sequence, String type, byte[] metadata, JsonNode payload, String revision, String payloadType) {
    }

    private final Connection connection;

    Seeder(Connection connection) {
        this.connection = connection;
    }

    /** The stored events of a record, in order. */
    List<Row> template(String aggregateId) throws SQLException, IOException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence_number, type, meta_data,"
                + " payload, payload_revision, payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getBytes(3),
                            Http.JSON.readTree(result.getBytes(4)), result.getString(5), result.getString(6)));
                }
            }
        }
        return rows;
    }

    /**
     * Stores {@code copies} copies of a template record. Every id in its payloads other than
     * {@code keep} (such as the meeting a case was reported to) is replaced by a fresh one per copy;
     * {@code adjust} may then change the copy's payloads, given the copy's number.
     */
    long copy(List<Row> template, int copies, Set<String> keep, Adjuster adjust) throws SQLException {
        Set<String> local = new java.util.HashSet<>();
        template.forEach(row -> collectIds(row.payload(), local));
        local.removeAll(keep);
        String templateId = firstId(template.get(0).payload(), local);
        try (Inserts inserts = new Inserts()) {
            for (int copy = 0; copy < copies; copy++) {
                Map<String, String> ids = new HashMap<>();
                local.forEach(id -> ids.put(id, UUID.randomUUID().toString()));
                for (Row row : template) {
                    JsonNode payload = replaceIds(row.payload().deepCopy(), ids);
                    adjust.adjust(copy, row, (ObjectNode) payload);
                    inserts.add(ids.get(templateId), row.sequence(), row, payload);
                }
            }
            return inserts.stored;
        }
    }

    /**
     * Appends events to existing records: for each record id, {@code perRecord} copies of the
     * template event, numbered from {@code firstSequence}.
     */
    long append(Row template, List<String> recordIds, long firstSequence, int perRecord, Adjuster adjust)
            throws SQLException {
        String templateId = firstId(template.payload(), collectIds(template.payload(), new java.util.HashSet<>()));
        try (Inserts inserts = new Inserts()) {
            for (int n = 0; n < perRecord; n++) {
                for (String recordId : recordIds) {
                    JsonNode payload = replaceIds(template.payload().deepCopy(), Map.of(templateId, recordId));
                    adjust.adjust(n, template, (ObjectNode) payload);
                    inserts.add(recordId, firstSequence + n, template, payload);
                }
            }
            return inserts.stored;
        }
    }

    /** Rows of the event table, sent in JDBC batches and committed a batch at a time. */
    private final class Inserts implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;
        private long stored;

        Inserts() throws SQLException {
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier,"
                    + " sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type,"
                    + " time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(String aggregateId, long sequence, Row like, JsonNode payload) throws SQLException {
            insert.setString(1, aggregateId);
            insert.setLong(2, sequence);
            insert.setString(3, like.type());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, like.metadata());
            insert.setBytes(6, payload.toString().getBytes(StandardCharsets.UTF_8));
            insert.setString(7, like.revision());
            insert.setString(8, like.payloadType());
            insert.setString(9, Instant.now().toString());
            insert.addBatch();
            stored++;
            if (++pending == BATCH) {
                insert.executeBatch();
                connection.commit();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                insert.executeBatch();
                connection.commit();
                insert.close();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Changes a copy's payload; {@code copy} counts from 0. */
    interface Adjuster {
        void adjust(int copy, Row row, ObjectNode payload);

        static Adjuster none() {
            return (copy, row, payload) -> { };
        }
    }

    private static Set<String> collectIds(JsonNode node, Set<String> ids) {
        if (node.isTextual() && UUID_TEXT.matcher(node.asText()).matches()) {
            ids.add(node.asText());
        }
        node.forEach(child -> collectIds(child, ids));
        return ids;
    }

    /** The record's own id: the first id field of its first event (agreementId, caseId, ...). */
    private static String firstId(JsonNode payload, Set<String> candidates) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isTextual() && candidates.contains(field.getValue().asText())) {
                return field.getValue().asText();
            }
        }
        throw new IllegalStateException("no record id in " + payload);
    }

    private static JsonNode replaceIds(JsonNode node, Map<String, String> ids) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && ids.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(ids.get(value.asText())));
                } else {
                    replaceIds(value, ids);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                if (value.isTextual() && ids.containsKey(value.asText())) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(ids.get(value.asText())));
                } else {
                    replaceIds(value, ids);
                }
            }
        }
        return node;
    }
}
