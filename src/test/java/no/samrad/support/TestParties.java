package no.samrad.support;

import java.time.LocalDate;
import java.util.List;
import no.samrad.party.api.PartyEstablished;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRenamed;
import no.samrad.party.api.RecordedRegister;
import no.samrad.party.api.RegisterEvent;

/**
 * A small party register for tests that run without the database, folded from register events as
 * the service's own is: the same shape as the recorded one, with the renamings the rules must
 * handle.
 */
public final class TestParties {

    private static final String SOURCE = "test";

    private TestParties() {
    }

    public static RecordedRegister register() {
        return RecordedRegister.of(List.of(
                established("KS", PartyKind.MUNICIPAL_SECTOR, null),
                established("HOD", PartyKind.MINISTRY, LocalDate.of(2004, 10, 1)),
                established("KD", PartyKind.MINISTRY, LocalDate.of(2006, 1, 1)),
                established("JD", PartyKind.MINISTRY, null),
                established("KMD", PartyKind.MINISTRY, LocalDate.of(2014, 1, 1)),
                renamed("KMD", LocalDate.of(2022, 1, 1), "KDD"),
                established("BLD", PartyKind.MINISTRY, LocalDate.of(2006, 1, 1)),
                renamed("BLD", LocalDate.of(2019, 1, 22), "BFD")));
    }

    private static PartyEstablished established(String code, PartyKind kind, LocalDate from) {
        return new PartyEstablished(RegisterEvent.REGISTER_ID, code, code, kind, code + " name", null, null, from,
                SOURCE);
    }

    private static PartyRenamed renamed(String key, LocalDate on, String newCode) {
        return new PartyRenamed(RegisterEvent.REGISTER_ID, key, on, newCode + " name", null, newCode, newCode, null, SOURCE);
    }
}
