package no.samrad.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.agreement.api.RenewAgreement;
import no.samrad.agreement.api.TerminateAgreement;
import no.samrad.cases.api.AddCaseInput;
import no.samrad.cases.api.ConcludeCase;
import no.samrad.cases.api.ReportCase;
import no.samrad.cases.law.api.DecideLawParticipation;
import no.samrad.cases.api.LawInQuestion;
import no.samrad.cases.law.api.RecordLawMilestone;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.AxonRuntime;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.meeting.api.CancelMeeting;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.ScheduleMeeting;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Imports historical material from an import file (docs/import.md) through the same commands a
 * client sends, each record whole or not at all, with its source in every event's metadata. A
 * record already in the store is left as it is, so that a file imported twice records nothing
 * twice. A dry run judges every record as an import would, against the store and the records
 * before it in the file, in one unit of work that is rolled back: it changes nothing.
 */
@ApplicationScoped
@Unremovable // looked up by the import command, not injected
public class HistoryImport {

    static final String FORMAT = "samrad-import";
    static final int VERSION = 1;

    private final CommandGateway commands;
    private final AxonRuntime axon;
    private final EventStore eventStore;
    private final ObjectMapper json;

    HistoryImport(CommandGateway commands, AxonRuntime axon, EventStore eventStore, ObjectMapper json) {
        this.commands = commands;
        this.axon = axon;
        this.eventStore = eventStore;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** What became of one line of the file: {@code kind} and {@code record} are null for a line not read as a record. */
    public record Outcome(int line, Result result, RecordKind kind, String record, String detail) {

        @Override
        public String toString() {
            return "line " + line + ": " + result.text
                    + (record == null ? "" : " " + kind.name().toLowerCase(Locale.ROOT) + " " + record)
                    + (detail == null ? "" : ": " + detail);
        }
    }

    /** The kinds of record a file holds. */
    public enum RecordKind {
        AGREEMENT, MEETING, CASE
    }

    public enum Result {
        RECORDED("recorded"), WOULD_RECORD("would record"), ALREADY_RECORDED("already recorded"),
        REFUSED("refused");

        private final String text;

        Result(String text) {
            this.text = text;
        }
    }

    /** The outcome of every line that held a record, in file order. */
    public record Report(boolean dryRun, List<Outcome> outcomes) {

        public long refused() {
            return outcomes.stream().filter(outcome -> outcome.result() == Result.REFUSED).count();
        }
    }

    public Report run(BufferedReader file, boolean dryRun) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> lines = file.lines().toList();
        int headerLine = firstRecordLine(lines, 0);
        String namespace;
        try {
            namespace = namespace(headerLine < lines.size() ? lines.get(headerLine) : null);
        } catch (IllegalArgumentException invalid) {
            outcomes.add(new Outcome(headerLine + 1, Result.REFUSED, null, null, invalid.getMessage()));
            return new Report(dryRun, outcomes);
        }
        UnitOfWork<?> dryRunUnit = null;
        if (dryRun) {
            dryRunUnit = DefaultUnitOfWork.startAndGet(null);
            dryRunUnit.attachTransaction(axon.discardedTransactions());
        }
        try {
            for (int index = firstRecordLine(lines, headerLine + 1); index < lines.size();
                 index = firstRecordLine(lines, index + 1)) {
                outcomes.add(importLine(index + 1, lines.get(index), namespace, dryRun));
            }
        } finally {
            if (dryRunUnit != null) {
                dryRunUnit.rollback();
            }
        }
        return new Report(dryRun, outcomes);
    }

    private Outcome importLine(int line, String text, String namespace, boolean dryRun) {
        ImportRecord record;
        try {
            record = json.readValue(text, ImportRecord.class);
        } catch (JsonProcessingException unreadable) {
            return new Outcome(line, Result.REFUSED, null, null,
                    "IMPORT_LINE_INVALID: " + unreadable.getOriginalMessage());
        }
        if (record.key() == null || record.key().isBlank() || record.source() == null || record.source().isBlank()) {
            return new Outcome(line, Result.REFUSED, null, null,
                    "IMPORT_LINE_INVALID: every record names its key and its source");
        }
        UUID id = idOf(namespace, record.key());
        RecordKind kind = kindOf(record);
        String name = record.key() + " (" + id + ")";
        if (eventStore.lastSequenceNumberFor(id.toString()).isPresent()) {
            return new Outcome(line, Result.ALREADY_RECORDED, kind, name, "left as it is");
        }
        MetaData origin = EventMetadata.system("import", null).and(EventMetadata.SOURCE, record.source());
        // A record is one unit of work: its own transaction in an import, nested in the dry run's.
        UnitOfWork<?> unit = dryRun ? DefaultUnitOfWork.startAndGet(null) : unitWithTransaction();
        try {
            List<Object> sent = commandsFor(record, id, namespace);
            for (Object command : sent) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin));
            }
            unit.commit();
            return new Outcome(line, dryRun ? Result.WOULD_RECORD : Result.RECORDED, kind, name,
                    sent.size() + (sent.size() == 1 ? " command" : " commands"));
        } catch (DomainException refused) {
            rollback(unit, refused);
            return new Outcome(line, Result.REFUSED, kind, name, refused.code().name()
                    + (refused.field() == null ? "" : " (" + refused.field() + ")") + ": " + refused.getMessage());
        } catch (RuntimeException failed) {
            rollback(unit, failed);
            throw failed;
        }
    }

    private static void rollback(UnitOfWork<?> unit, Throwable cause) {
        if (unit.isActive()) {
            unit.rollback(cause);
        }
    }

    private UnitOfWork<?> unitWithTransaction() {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(axon.transactionManager());
        return unit;
    }

    /** The commands that record the line's record, in order. */
    private List<Object> commandsFor(ImportRecord record, UUID id, String namespace) {
        List<Object> sent = new ArrayList<>();
        if (record instanceof ImportRecord.Agreement agreement) {
            if (agreement.enteredOn() == null && agreement.proposedOn() != null) {
                sent.add(new ProposeAgreement(id, agreement.title(), agreement.category(), agreement.parties(),
                        agreement.proposedBy(), agreement.proposedOn()));
                return sent;
            }
            sent.add(new EnterAgreement(id, agreement.title(), agreement.category(), agreement.parties(),
                    agreement.enteredOn(), agreement.expiresOn(), agreement.firstEnteredYear(),
                    reference(namespace, agreement.continues()), agreement.coordinator()));
            listOf(agreement.renewals()).forEach(term -> sent.add(new RenewAgreement(id, term.enteredOn(),
                    term.expiresOn(), term.parties(), term.coordinator(), null)));
            if (agreement.terminated() != null) {
                sent.add(new TerminateAgreement(id, agreement.terminated().terminatedOn(),
                        agreement.terminated().reason(), null));
            }
        } else if (record instanceof ImportRecord.Meeting meeting) {
            sent.add(new ScheduleMeeting(id, meeting.kind(), meeting.number(), meeting.date(), meeting.budgetYear(),
                    meeting.ministry(), meeting.title()));
            if (meeting.cancelledOn() != null) {
                sent.add(new CancelMeeting(id, meeting.cancelledOn(), meeting.cancelReason(), null));
            } else if (Boolean.TRUE.equals(meeting.held()) || meeting.heldOn() != null) {
                sent.add(new HoldMeeting(id, meeting.heldOn(), null));
            }
        } else if (record instanceof ImportRecord.Case reported) {
            LawInQuestion law = reported.law() == null ? null
                    : new LawInQuestion(reported.law().title(), reported.law().kind(), reported.law().eeaOrigin());
            UUID meeting = reference(namespace, reported.meeting());
            sent.add(new ReportCase(id, reported.kind(), reported.title(), reported.ministries(),
                    reported.reportedBy(), meeting, reported.reportedOn(), reported.summary(), reported.reform(), law));
            for (ImportRecord.Input input : listOf(reported.inputs())) {
                sent.add(new AddCaseInput(id, UUID.nameUUIDFromBytes((id + "/input/" + sent.size())
                        .getBytes(StandardCharsets.UTF_8)), input.party(), input.givenOn(), input.text(), meeting,
                        null));
            }
            if (reported.decision() != null) {
                sent.add(new DecideLawParticipation(id, reported.decision().decision(), reported.decision().reasons(),
                        reported.decision().decidedOn(), null));
            }
            listOf(reported.milestones()).forEach(milestone -> sent.add(new RecordLawMilestone(id,
                    milestone.milestone(), milestone.reachedOn(), null)));
            if (reported.concluded() != null) {
                sent.add(new ConcludeCase(id, reported.concluded().concludedOn(), reported.concluded().outcome(),
                        null, null));
            }
        }
        return sent;
    }

    /** The namespace the header names; the file's ids are derived from it and each record's key. */
    private String namespace(String header) {
        JsonNode node;
        try {
            node = header == null ? null : json.readTree(header);
        } catch (JsonProcessingException unreadable) {
            node = null;
        }
        if (node == null || !FORMAT.equals(node.path("format").asText()) || node.path("version").asInt() != VERSION
                || node.path("namespace").asText().isBlank()) {
            throw new IllegalArgumentException("IMPORT_HEADER_INVALID: an import file begins with {\"format\": \""
                    + FORMAT + "\", \"version\": " + VERSION + ", \"namespace\": \"…\"}");
        }
        return node.path("namespace").asText();
    }

    /** A record's id: derived from the file's namespace and its key, the same on every import. */
    static UUID idOf(String namespace, String key) {
        return UUID.nameUUIDFromBytes((namespace + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Another record named by its key in the file's namespace, or by its id. */
    private static UUID reference(String namespace, String keyOrId) {
        if (keyOrId == null) {
            return null;
        }
        try {
            return UUID.fromString(keyOrId);
        } catch (IllegalArgumentException notAnId) {
            return idOf(namespace, keyOrId);
        }
    }

    private static RecordKind kindOf(ImportRecord record) {
        return record instanceof ImportRecord.Agreement ? RecordKind.AGREEMENT
                : record instanceof ImportRecord.Meeting ? RecordKind.MEETING : RecordKind.CASE;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The next line at or after {@code from} that is not blank. */
    private static int firstRecordLine(List<String> lines, int from) {
        int index = from;
        while (index < lines.size() && lines.get(index).isBlank()) {
            index++;
        }
        return index;
    }
}
