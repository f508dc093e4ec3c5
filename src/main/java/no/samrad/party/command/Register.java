package no.samrad.party.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.party.api.AbolishParty;
import no.samrad.party.api.EstablishParty;
import no.samrad.party.api.MergeParties;
import no.samrad.party.api.MoveTasks;
import no.samrad.party.api.PartiesMerged;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyAbolished;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.api.PartyEstablished;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRenamed;
import no.samrad.party.api.PartySplit;
import no.samrad.party.api.RecordRegisterHistory;
import no.samrad.party.api.RecordedRegister;
import no.samrad.party.api.RegisterChange;
import no.samrad.party.api.RegisterEvent;
import no.samrad.party.api.RenameParty;
import no.samrad.party.api.SplitParty;
import no.samrad.party.api.SuccessorPart;
import no.samrad.party.api.TasksMoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The party register as a record: the parties of the arrangement and every reorganisation of the
 * ministries, each judged against the register as it stands. There is one register, opened with
 * its history from the sources ({@link RecordRegisterHistory}); every later change is one command.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Register {

    private static final RequiredFields REQUIRED = new RequiredFields(PartyErrors.PARTY_FIELD_REQUIRED);
    private static final Pattern CODE = Pattern.compile("[A-ZÆØÅ][A-ZÆØÅ0-9]{0,15}");
    private static final Pattern ORGANISATION_NUMBER = Pattern.compile("\\d{9}");
    private static final int[] ORGANISATION_NUMBER_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    @AggregateIdentifier
    private String registerId;
    @AggregateVersion
    private Long version;
    private final RecordedRegister recorded = new RecordedRegister();

    protected Register() {
        // Axon rebuilds the aggregate from its events.
    }

    /**
     * Opens the register with its history. The handler runs on an empty register rather than in a
     * constructor, so that each change is judged against the register as the ones before it left it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordRegisterHistory command) {
        if (recorded.changes() > 0) {
            throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                    "The register holds its history already; record later changes one by one.");
        }
        if (!RegisterEvent.REGISTER_ID.equals(command.registerId())) {
            throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                    "There is one register, " + RegisterEvent.REGISTER_ID + ".", "registerId");
        }
        if (command.changes() == null || command.changes().isEmpty()) {
            throw REQUIRED.missing("changes");
        }
        command.changes().forEach(change -> apply(decide(change)));
    }

    @CommandHandler
    public void handle(EstablishParty command) {
        apply(decide(command));
    }

    @CommandHandler
    public void handle(RenameParty command) {
        apply(decide(command));
    }

    @CommandHandler
    public void handle(SplitParty command) {
        apply(decide(command));
    }

    @CommandHandler
    public void handle(MergeParties command) {
        apply(decide(command));
    }

    @CommandHandler
    public void handle(MoveTasks command) {
        apply(decide(command));
    }

    @CommandHandler
    public void handle(AbolishParty command) {
        apply(decide(command));
    }

    @EventSourcingHandler
    void on(RegisterEvent event) {
        registerId = event.registerId();
        recorded.apply(event);
    }

    private RegisterEvent decide(RegisterChange change) {
        String source = REQUIRED.text(change.source(), "source");
        if (change instanceof EstablishParty establish) {
            String code = code(establish.code(), "code");
            String orgNo = organisationNumber(establish.orgNo(), "orgNo");
            requireCodeFree(code, establish.establishedOn(), List.of(), "code");
            return new PartyEstablished(RegisterEvent.REGISTER_ID, key(code, establish.establishedOn(), "code"), code,
                    REQUIRED.present(establish.kind(), "kind"), REQUIRED.text(establish.name(), "name"),
                    text(establish.nameEn()), orgNo, establish.establishedOn(), source);
        }
        if (change instanceof RenameParty rename) {
            LocalDate on = REQUIRED.present(rename.renamedOn(), "renamedOn");
            Party party = existingOn(rename.key(), on, "key", "renamed");
            String name = REQUIRED.text(rename.name(), "name");
            String newCode = rename.newCode() == null ? null : code(rename.newCode(), "newCode");
            if (newCode == null || newCode.equals(party.code())) {
                return new PartyRenamed(RegisterEvent.REGISTER_ID, party.key(), on, name, text(rename.nameEn()), null,
                        null, null, source);
            }
            requireCodeFree(newCode, on, List.of(party.key()), "newCode");
            String orgNo = rename.orgNo() == null ? party.orgNo() : organisationNumber(rename.orgNo(), "orgNo");
            return new PartyRenamed(RegisterEvent.REGISTER_ID, party.key(), on, name, text(rename.nameEn()),
                    key(newCode, on, "newCode"), newCode, orgNo, source);
        }
        if (change instanceof SplitParty split) {
            LocalDate on = REQUIRED.present(split.splitOn(), "splitOn");
            Party party = existingOn(split.key(), on, "key", "split");
            List<SuccessorPart> parts = REQUIRED.present(split.parts(), "parts");
            if (parts.size() < 2) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                        "A split divides a party among two or more parts.", "parts");
            }
            requireRecordsOnce(parts);
            Set<String> codes = new HashSet<>();
            List<SuccessorPart> decided = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                SuccessorPart part = part(parts.get(i), on, List.of(party.key()), party.kind(), "parts[" + i + "]");
                if (part.key().equals(party.key()) || (part.isNew() && !codes.add(part.code()))) {
                    throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                            "Each part of a split is another party.", "parts[" + i + "]");
                }
                decided.add(part);
            }
            return new PartySplit(RegisterEvent.REGISTER_ID, party.key(), on, decided, source);
        }
        if (change instanceof MergeParties merge) {
            LocalDate on = REQUIRED.present(merge.mergedOn(), "mergedOn");
            List<String> keys = REQUIRED.present(merge.keys(), "keys");
            if (keys.size() < 2 || Set.copyOf(keys).size() != keys.size()) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                        "A merger names two or more different parties.", "keys");
            }
            List<Party> merged = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                merged.add(existingOn(keys.get(i), on, "keys[" + i + "]", "merged"));
            }
            PartyKind kind = merged.get(0).kind();
            if (merged.stream().anyMatch(party -> party.kind() != kind)) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                        "Only parties of one kind can be merged.", "keys");
            }
            SuccessorPart into = part(REQUIRED.present(merge.into(), "into"), on, keys, kind, "into");
            return new PartiesMerged(RegisterEvent.REGISTER_ID, List.copyOf(keys), on, into, source);
        }
        if (change instanceof MoveTasks move) {
            LocalDate on = REQUIRED.present(move.movedOn(), "movedOn");
            Party from = existing(move.fromKey(), "fromKey");
            Party to = existingOn(move.toKey(), on, "toKey", "given tasks", false);
            if (from.key().equals(to.key())) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                        "Tasks move from one party to another.", "toKey");
            }
            if (from.validFrom() != null && on.isBefore(from.validFrom())) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID, from.key()
                        + " did not exist before " + from.validFrom() + ".", "movedOn");
            }
            return new TasksMoved(RegisterEvent.REGISTER_ID, from.key(), to.key(), on,
                    REQUIRED.text(move.tasks(), "tasks"), recordIds(move.records(), "records"), source);
        }
        AbolishParty abolish = (AbolishParty) change;
        LocalDate on = REQUIRED.present(abolish.abolishedOn(), "abolishedOn");
        Party party = existingOn(abolish.key(), on, "key", "abolished");
        return new PartyAbolished(RegisterEvent.REGISTER_ID, party.key(), on, source);
    }

    /** A part as it will be recorded: a new party gets its key; an existing one must exist that day. */
    private SuccessorPart part(SuccessorPart part, LocalDate on, Collection<String> ending, PartyKind kind,
                               String field) {
        List<String> records = recordIds(part.records(), field + ".records");
        if (!part.isNew()) {
            Party existing = existingOn(part.key(), on, field + ".key", "given a part", false);
            if (existing.kind() != kind) {
                throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                        existing.key() + " is not of the kind " + kind + ".", field + ".key");
            }
            return new SuccessorPart(existing.key(), null, null, null, null, text(part.tasks()), records,
                    part.remainingRecords());
        }
        String code = code(part.code(), field + ".code");
        requireCodeFree(code, on, ending, field + ".code");
        return new SuccessorPart(key(code, on, field + ".code"), code, REQUIRED.text(part.name(), field + ".name"),
                text(part.nameEn()), organisationNumber(part.orgNo(), field + ".orgNo"), text(part.tasks()), records,
                part.remainingRecords());
    }

    private Party existing(String key, String field) {
        return recorded.byKey(REQUIRED.text(key, field)).orElseThrow(() -> new DomainException(
                PartyErrors.UNKNOWN_PARTY, "There is no party with key " + key + " in the party register.", field));
    }

    /** The party with {@code key}, which must exist on {@code on} and have begun before it. */
    private Party existingOn(String key, LocalDate on, String field, String what) {
        return existingOn(key, on, field, what, true);
    }

    /** The party with {@code key}, which must exist on {@code on}, and where it is ended then, have begun before it. */
    private Party existingOn(String key, LocalDate on, String field, String what, boolean ending) {
        Party party = existing(key, field);
        boolean begunBefore = !ending || party.validFrom() == null || party.validFrom().isBefore(on);
        if (!begunBefore || !party.isValidOn(on)) {
            throw new DomainException(PartyErrors.REORGANISATION_INVALID, party.key() + " (" + party.name()
                    + ") cannot be " + what + " on " + on + ": it exists " + period(party) + ".", field);
        }
        return party;
    }

    private void requireCodeFree(String code, LocalDate from, Collection<String> ending, String field) {
        recorded.holderFrom(code, from, ending).ifPresent(holder -> {
            throw new DomainException(PartyErrors.PARTY_CODE_IN_USE, "Code " + code + " is carried by " + holder.key()
                    + " (" + holder.name() + "), which exists " + period(holder) + ".", field);
        });
    }

    private String key(String code, LocalDate from, String field) {
        String key = recorded.keyFor(code, from);
        if (recorded.hasKey(key)) {
            throw new DomainException(PartyErrors.PARTY_CODE_IN_USE,
                    "Code " + code + " was taken up by another party in that year already.", field);
        }
        return key;
    }

    private static void requireRecordsOnce(List<SuccessorPart> parts) {
        Set<String> named = new HashSet<>();
        if (parts.stream().filter(part -> part != null && part.remainingRecords()).count() > 1) {
            throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                    "Only one part of a split takes the remaining records.", "parts");
        }
        for (SuccessorPart part : parts) {
            REQUIRED.present(part, "parts");
            for (String record : part.records()) {
                if (!named.add(record)) {
                    throw new DomainException(PartyErrors.REORGANISATION_INVALID,
                            "Record " + record + " is given to two parts.", "parts");
                }
            }
        }
    }

    private static List<String> recordIds(List<String> records, String field) {
        if (records == null) {
            return List.of();
        }
        if (records.stream().anyMatch(record -> record == null || record.isBlank())) {
            throw REQUIRED.missing(field);
        }
        return records.stream().map(String::strip).distinct().toList();
    }

    private static String code(String code, String field) {
        String stripped = REQUIRED.text(code, field);
        if (!CODE.matcher(stripped).matches()) {
            throw new DomainException(PartyErrors.PARTY_CODE_INVALID, "A code is written in capital letters and"
                    + " digits, at most 16, as the sources write it (KS, BFD, KDD); not " + code + ".", field);
        }
        return stripped;
    }

    private static String organisationNumber(String orgNo, String field) {
        if (orgNo == null) {
            return null;
        }
        String digits = orgNo.strip();
        if (!ORGANISATION_NUMBER.matcher(digits).matches() || controlDigit(digits) != digits.charAt(8) - '0') {
            throw new DomainException(PartyErrors.ORGANISATION_NUMBER_INVALID, orgNo
                    + " is not an organisation number: nine digits whose last is the modulus 11 control digit.", field);
        }
        return digits;
    }

    private static int controlDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_NUMBER_WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * ORGANISATION_NUMBER_WEIGHTS[i];
        }
        int control = 11 - sum % 11;
        return control == 11 ? 0 : control;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String period(Party party) {
        if (party.validFrom() == null) {
            return party.validTo() == null ? "throughout the register" : "until " + party.validTo();
        }
        return "from " + party.validFrom() + (party.validTo() == null ? "" : " to " + party.validTo());
    }
}
