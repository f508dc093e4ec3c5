package no.samrad.party.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;

/**
 * Who sent a command, and what the party register entitles them to: a party acting through a
 * token, or Samråd itself. Command handlers name it as a parameter and ask it before they decide;
 * it is the one place that says who may act for whom, successors included.
 */
public final class Entitlement {

    private final String party;
    private final boolean system;
    private final PartyRegister register;

    /** The sender {@code party} (null when the token names none), or Samråd itself when {@code system}. */
    public Entitlement(String party, boolean system, PartyRegister register) {
        this.party = party;
        this.system = system;
        this.register = register;
    }

    /** Whether Samråd itself sends the command (importing history, expiring agreements), not a party. */
    public boolean system() {
        return system;
    }

    /** The register as the command finds it, for the rules of the parties a command names. */
    public PartyRegister register() {
        return register;
    }

    /**
     * Refuses unless the sender may act on the record {@code recordId}, whose parties are the codes
     * {@code recordParties} as they stood on {@code partiesOn}: Samråd itself, the municipal
     * sector's organisation, or a ministry that is one of them or has succeeded one for this record.
     */
    public void requireEntitled(Object recordId, Collection<String> recordParties, LocalDate partiesOn) {
        if (system) {
            return;
        }
        Party acting = actingParty();
        if (acting.kind() == PartyKind.MUNICIPAL_SECTOR) {
            return;
        }
        if (!actsForOneOf(acting, recordId, recordParties, partiesOn)) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Party " + acting.code() + " is not a party to this record and may not change it.");
        }
    }

    /**
     * Refuses unless the sender is Samråd itself or one of these parties of the record
     * {@code recordId} as they stood on {@code partiesOn} (or the successor of one for this record):
     * for what only a named party may do, such as a ministry's answer to a request.
     */
    public void requireOneOf(Object recordId, Collection<String> parties, LocalDate partiesOn, String what) {
        if (system) {
            return;
        }
        Party acting = actingParty();
        if (!actsForOneOf(acting, recordId, parties, partiesOn)) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Only " + String.join(" or ", parties) + " may " + what + "; the token acts for " + acting.code()
                            + ".");
        }
    }

    /** Refuses unless the sender is Samråd itself or the municipal sector's organisation. */
    public void requireMunicipalSector(String what) {
        if (system) {
            return;
        }
        Party acting = actingParty();
        if (acting.kind() != PartyKind.MUNICIPAL_SECTOR) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Only the municipal sector's organisation may " + what + "; the token acts for " + acting.code()
                            + ".");
        }
    }

    /**
     * The party the sender acts in the name of: {@code named}, which must be the sender's own party
     * unless Samråd itself acts (importing history), or the sender's own party when none is named.
     * A name that is not the sender's own is refused as {@code field}.
     */
    public Optional<String> speaksFor(String named, String field) {
        if (system) {
            return Optional.ofNullable(named);
        }
        Party acting = actingParty();
        if (named != null && !named.equals(acting.code())) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "The token acts for " + acting.code() + " and may not act in the name of " + named + ".", field);
        }
        return Optional.of(acting.code());
    }

    /** Refuses unless the sender is Samråd itself or acts for a party the register knows. */
    public void requireKnownParty() {
        if (!system) {
            actingParty();
        }
    }

    private boolean actsForOneOf(Party acting, Object recordId, Collection<String> parties, LocalDate partiesOn) {
        return parties.stream()
                .anyMatch(code -> register.actsFor(acting.code(), String.valueOf(recordId), code, partiesOn));
    }

    private Party actingParty() {
        Optional<Party> acting = Optional.ofNullable(party).flatMap(register::find);
        return acting.orElseThrow(() -> new DomainException(CommonErrors.NOT_ENTITLED, party == null
                ? "The token names no party; commands are sent on behalf of a party."
                : "The token's party " + party + " is not in the party register."));
    }
}
