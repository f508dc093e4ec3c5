package no.samrad.party.api;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.samrad.infrastructure.api.DomainException;

/**
 * The party register as its events built it: the one fold behind the register aggregate's
 * decisions, every command handler's questions, and the register's read API today and as
 * recorded at any instant. It does no I/O; {@link #apply} is called only while the register is
 * being built (the aggregate's event-sourcing handlers, or a fresh fold over stored events).
 */
public final class RecordedRegister implements PartyRegister {

    private static final Comparator<LocalDate> OPEN_START_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private int changes;

    public static RecordedRegister of(List<? extends RegisterEvent> events) {
        RecordedRegister register = new RecordedRegister();
        events.forEach(register::apply);
        return register;
    }

    public void apply(RegisterEvent event) {
        changes++;
        if (event instanceof PartyEstablished established) {
            add(established.key(), established.code(), established.kind(), established.name(), established.nameEn(),
                    established.orgNo(), established.establishedOn(), established.source());
        } else if (event instanceof PartyRenamed renamed) {
            Entry old = entries.get(renamed.key());
            old.sources.add(renamed.source());
            if (renamed.newKey() == null) {
                old.names.add(new Name(renamed.name(), renamed.nameEn(), renamed.renamedOn()));
            } else {
                old.validTo = renamed.renamedOn().minusDays(1);
                add(renamed.newKey(), renamed.newCode(), old.kind, renamed.name(), renamed.nameEn(), renamed.orgNo(),
                        renamed.renamedOn(), renamed.source());
                links.add(new Link(old.key, renamed.newKey(), Succession.Kind.RENAMED, renamed.renamedOn(), null,
                        Set.of(), false, changes));
            }
        } else if (event instanceof PartySplit split) {
            Entry old = entries.get(split.key());
            old.validTo = split.splitOn().minusDays(1);
            old.sources.add(split.source());
            split.parts().forEach(part -> link(old.key, old.kind, part, Succession.Kind.SPLIT, split.splitOn(),
                    split.source()));
        } else if (event instanceof PartiesMerged merged) {
            PartyKind kind = entries.get(merged.keys().get(0)).kind;
            link(null, kind, merged.into(), Succession.Kind.MERGED, merged.mergedOn(), merged.source());
            for (String key : merged.keys()) {
                if (!key.equals(merged.into().key())) {
                    Entry old = entries.get(key);
                    old.validTo = merged.mergedOn().minusDays(1);
                    old.sources.add(merged.source());
                    links.add(new Link(key, merged.into().key(), Succession.Kind.MERGED, merged.mergedOn(),
                            merged.into().tasks(), Set.of(), false, changes));
                }
            }
        } else if (event instanceof TasksMoved moved) {
            entries.get(moved.fromKey()).sources.add(moved.source());
            entries.get(moved.toKey()).sources.add(moved.source());
            links.add(new Link(moved.fromKey(), moved.toKey(), Succession.Kind.TASKS_MOVED, moved.movedOn(),
                    moved.tasks(), Set.copyOf(moved.records()), false, changes));
        } else if (event instanceof PartyAbolished abolished) {
            Entry old = entries.get(abolished.key());
            old.validTo = abolished.abolishedOn().minusDays(1);
            old.sources.add(abolished.source());
        }
    }

    /** Two registers are equal when the same changes built them: the same parties and the same links. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRegister register && changes == register.changes
                && links.equals(register.links) && all().equals(register.all());
    }

    @Override
    public int hashCode() {
        return Objects.hash(changes, links, all());
    }

    /** How many changes built this register: the register record's version plus one. */
    public int changes() {
        return changes;
    }

    @Override
    public Optional<Party> find(String code) {
        return latest(code).map(this::view);
    }

    @Override
    public Optional<Party> byKey(String key) {
        return Optional.ofNullable(key).map(entries::get).map(this::view);
    }

    @Override
    public Optional<Party> resolve(String code, LocalDate date) {
        return entryOn(code, date).map(this::view);
    }

    @Override
    public List<Party> all() {
        return entries.values().stream()
                .sorted(Comparator.comparing((Entry entry) -> entry.kind).thenComparing(entry -> entry.code)
                        .thenComparing(entry -> entry.validFrom, OPEN_START_FIRST))
                .map(this::view)
                .toList();
    }

    @Override
    public List<Party> requireValid(List<String> codes, LocalDate effectiveOn, String field) {
        Set<String> seen = new HashSet<>();
        return codes.stream().map(code -> {
            if (!seen.add(code)) {
                throw new DomainException(PartyErrors.DUPLICATE_PARTY, "Party " + code + " is named twice.", field);
            }
            requireKnown(code, field);
            return entryOn(code, effectiveOn).map(this::view).orElseThrow(() -> new DomainException(
                    PartyErrors.PARTY_NOT_VALID_ON_DATE, notValidDetail(code, effectiveOn), field));
        }).toList();
    }

    @Override
    public void requireKnown(String code, String field) {
        if (code != null && latest(code).isEmpty()) {
            throw new DomainException(PartyErrors.UNKNOWN_PARTY,
                    "There is no party with code " + code + " in the party register.", field);
        }
    }

    @Override
    public boolean actsFor(String actingCode, String recordId, String recordCode, LocalDate recordOn) {
        Optional<Entry> acting = latest(actingCode);
        Optional<Entry> named = recordOn == null ? latest(recordCode) : entryOn(recordCode, recordOn)
                .or(() -> latest(recordCode));
        if (acting.isEmpty() || named.isEmpty()) {
            return false;
        }
        Deque<String> next = new ArrayDeque<>(List.of(named.get().key));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String key = next.poll();
            if (key.equals(acting.get().key)) {
                return true;
            }
            if (seen.add(key)) {
                links.stream().filter(link -> link.from.equals(key) && carries(link, recordId))
                        .forEach(link -> next.add(link.to));
            }
        }
        return false;
    }

    /**
     * The key a new party with {@code code} gets: the code itself, or where an earlier party held
     * the code, the code and the year the new one begins. Keys never change once recorded.
     */
    public String keyFor(String code, LocalDate from) {
        if (!entries.containsKey(code)) {
            return code;
        }
        return code + "-" + (from == null ? "0" : String.valueOf(from.getYear()));
    }

    /** Whether any party has this key. */
    public boolean hasKey(String key) {
        return entries.containsKey(key);
    }

    /**
     * The party other than those {@code ending} that holds {@code code} on or after {@code from},
     * if any: a code means one party at a time.
     */
    public Optional<Party> holderFrom(String code, LocalDate from, Collection<String> ending) {
        return entries.values().stream()
                .filter(entry -> entry.code.equals(code) && !ending.contains(entry.key))
                .filter(entry -> from == null || entry.validTo == null || !entry.validTo.isBefore(from))
                .findFirst()
                .map(this::view);
    }

    private boolean carries(Link link, String recordId) {
        return switch (link.kind) {
            case RENAMED, MERGED -> true;
            case TASKS_MOVED -> link.records.contains(recordId);
            case SPLIT -> link.records.contains(recordId) || link.remaining && links.stream()
                    .noneMatch(sibling -> sibling.change == link.change && sibling.records.contains(recordId));
        };
    }

    private void link(String from, PartyKind kind, SuccessorPart part, Succession.Kind change, LocalDate on,
                      String source) {
        if (part.isNew()) {
            add(part.key(), part.code(), kind, part.name(), part.nameEn(), part.orgNo(), on, source);
        } else {
            entries.get(part.key()).sources.add(source);
        }
        if (from != null) {
            links.add(new Link(from, part.key(), change, on, part.tasks(), Set.copyOf(part.records()),
                    part.remainingRecords(), changes));
        }
    }

    private void add(String key, String code, PartyKind kind, String name, String nameEn, String orgNo,
                     LocalDate from, String source) {
        Entry entry = new Entry(key, code, kind, orgNo, from);
        entry.names.add(new Name(name, nameEn, from));
        entry.sources.add(source);
        entries.put(key, entry);
    }

    private Optional<Entry> latest(String code) {
        return entries.values().stream()
                .filter(entry -> entry.code.equals(code))
                .max(Comparator.comparing(entry -> entry.validFrom, OPEN_START_FIRST));
    }

    private Optional<Entry> entryOn(String code, LocalDate date) {
        return entries.values().stream().filter(entry -> entry.code.equals(code) && entry.isValidOn(date)).findFirst();
    }

    private String notValidDetail(String code, LocalDate date) {
        StringBuilder detail = new StringBuilder("No party carried code ").append(code).append(" on ").append(date)
                .append(':');
        entries.values().stream().filter(entry -> entry.code.equals(code)).forEach(entry -> {
            detail.append(' ').append(entry.key).append(" (").append(entry.currentName().name()).append(") is valid ")
                    .append(entry.period()).append('.');
            links.stream().filter(link -> link.from.equals(entry.key) && entry.validTo != null
                            && date.isAfter(entry.validTo))
                    .map(link -> entries.get(link.to).code)
                    .distinct()
                    .forEach(successor -> detail.append(" Its successor is ").append(successor).append('.'));
        });
        return detail.toString();
    }

    private Party view(Entry entry) {
        List<Succession> predecessors = links.stream().filter(link -> link.to.equals(entry.key))
                .map(link -> succession(link.from, link)).toList();
        List<Succession> successors = links.stream().filter(link -> link.from.equals(entry.key))
                .map(link -> succession(link.to, link)).toList();
        List<Succession> whole = successors.stream()
                .filter(link -> link.change() == Succession.Kind.RENAMED || link.change() == Succession.Kind.MERGED)
                .toList();
        Name current = entry.currentName();
        List<Party.FormerName> formerNames = new ArrayList<>();
        for (int i = 0; i < entry.names.size() - 1; i++) {
            Name name = entry.names.get(i);
            formerNames.add(new Party.FormerName(name.name(), name.from(),
                    entry.names.get(i + 1).from().minusDays(1)));
        }
        return new Party(entry.code, entry.key, entry.kind, current.name(), current.nameEn(), entry.orgNo,
                entry.validFrom, entry.validTo, whole.size() == 1 ? whole.get(0).code() : null,
                List.copyOf(formerNames), predecessors, successors, entry.sources.stream().distinct().toList());
    }

    private Succession succession(String key, Link link) {
        return new Succession(key, entries.get(key).code, link.kind, link.on, link.tasks);
    }

    private static final class Entry {
        private final String key;
        private final String code;
        private final PartyKind kind;
        private final String orgNo;
        private final LocalDate validFrom;
        private LocalDate validTo;
        private final List<Name> names = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        private Entry(String key, String code, PartyKind kind, String orgNo, LocalDate validFrom) {
            this.key = key;
            this.code = code;
            this.kind = kind;
            this.orgNo = orgNo;
            this.validFrom = validFrom;
        }

        private boolean isValidOn(LocalDate date) {
            return Party.isValidOn(validFrom, validTo, date);
        }

        private Name currentName() {
            return names.get(names.size() - 1);
        }

        private String period() {
            if (validFrom == null) {
                return validTo == null ? "throughout" : "until " + validTo;
            }
            return "from " + validFrom + (validTo == null ? "" : " to " + validTo);
        }
    }

    private record Name(String name, String nameEn, LocalDate from) {
    }

    private record Link(String from, String to, Succession.Kind kind, LocalDate on, String tasks,
                        Set<String> records, boolean remaining, int change) {
    }
}
