package no.samrad.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;

/**
 * A small party register for tests that run without the database: the same shape as the seeded
 * one, with the renamings the rules must handle.
 */
public final class TestParties implements PartyRegister {

    private static final List<Party> PARTIES = List.of(
            party("KS", PartyKind.MUNICIPAL_SECTOR, null, null, null),
            party("HOD", PartyKind.MINISTRY, LocalDate.of(2004, 10, 1), null, null),
            party("KD", PartyKind.MINISTRY, LocalDate.of(2006, 1, 1), null, null),
            party("JD", PartyKind.MINISTRY, null, null, null),
            party("KMD", PartyKind.MINISTRY, LocalDate.of(2014, 1, 1), LocalDate.of(2021, 12, 31), "KDD"),
            party("KDD", PartyKind.MINISTRY, LocalDate.of(2022, 1, 1), null, null),
            party("BLD", PartyKind.MINISTRY, LocalDate.of(2006, 1, 1), LocalDate.of(2019, 1, 21), "BFD"),
            party("BFD", PartyKind.MINISTRY, LocalDate.of(2019, 1, 22), null, null));

    private static Party party(String code, PartyKind kind, LocalDate from, LocalDate to, String successor) {
        return new Party(code, kind, code + " name", null, null, from, to, successor, List.of());
    }

    @Override
    public Optional<Party> find(String code) {
        return PARTIES.stream().filter(party -> party.code().equals(code)).findFirst();
    }

    @Override
    public List<Party> all() {
        return PARTIES;
    }
}
