package no.samrad.infrastructure.security;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.error.CommonErrors;
import no.samrad.infrastructure.error.DomainException;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;
import org.axonframework.messaging.MetaData;

/**
 * Who sent a command, read from its metadata: a party acting through a token, or Samråd itself.
 * Command handlers use it to decide whether the sender may act on the record.
 */
public record Actor(String party, boolean system) {

    public static Actor of(MetaData metaData) {
        Object party = metaData.get(EventMetadata.PARTY);
        return new Actor(party == null ? null : party.toString(),
                Boolean.TRUE.equals(metaData.get(EventMetadata.SYSTEM)));
    }

    /**
     * Refuses unless the actor may act on the record {@code recordId}, whose parties are the codes
     * {@code recordParties} as they stood on {@code partiesOn}: Samråd itself, the municipal
     * sector's organisation, or a ministry that is one of them or has succeeded one for this record.
     */
    public void requireEntitled(Object recordId, Collection<String> recordParties, LocalDate partiesOn,
                                PartyRegister register) {
        if (system) {
            return;
        }
        Party acting = actingParty(register);
        if (acting.kind() == PartyKind.MUNICIPAL_SECTOR) {
            return;
        }
        boolean entitled = recordParties.stream()
                .anyMatch(code -> register.actsFor(acting.code(), String.valueOf(recordId), code, partiesOn));
        if (!entitled) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Party " + acting.code() + " is not a party to this record and may not change it.");
        }
    }

    /**
     * Refuses unless the actor is Samråd itself or one of these parties of the record
     * {@code recordId} as they stood on {@code partiesOn} (or the successor of one for this record):
     * for what only a named party may do, such as a ministry's answer to a request.
     */
    public void requireOneOf(Object recordId, Collection<String> parties, LocalDate partiesOn,
                             PartyRegister register, String what) {
        if (system) {
            return;
        }
        Party acting = actingParty(register);
        boolean named = parties.stream()
                .anyMatch(code -> register.actsFor(acting.code(), String.valueOf(recordId), code, partiesOn));
        if (!named) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Only " + String.join(" or ", parties) + " may " + what + "; the token acts for " + acting.code()
                            + ".");
        }
    }

    /** Refuses unless the actor is Samråd itself or the municipal sector's organisation. */
    public void requireMunicipalSector(PartyRegister register, String what) {
        if (system) {
            return;
        }
        Party acting = actingParty(register);
        if (acting.kind() != PartyKind.MUNICIPAL_SECTOR) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "Only the municipal sector's organisation may " + what + "; the token acts for " + acting.code()
                            + ".");
        }
    }

    /**
     * The party the actor acts in the name of: {@code named}, which must be the actor's own party
     * unless Samråd itself acts (importing history), or the actor's own party when none is named.
     * A name that is not the actor's own is refused as {@code field}.
     */
    public Optional<String> speaksFor(String named, PartyRegister register, String field) {
        if (system) {
            return Optional.ofNullable(named);
        }
        Party acting = actingParty(register);
        if (named != null && !named.equals(acting.code())) {
            throw new DomainException(CommonErrors.NOT_ENTITLED,
                    "The token acts for " + acting.code() + " and may not act in the name of " + named + ".", field);
        }
        return Optional.of(acting.code());
    }

    /** Refuses unless the actor is Samråd itself or acts for a party the register knows. */
    public void requireKnownParty(PartyRegister register) {
        if (!system) {
            actingParty(register);
        }
    }

    private Party actingParty(PartyRegister register) {
        Optional<Party> acting = Optional.ofNullable(party).flatMap(register::find);
        return acting.orElseThrow(() -> new DomainException(CommonErrors.NOT_ENTITLED, party == null
                ? "The token names no party; commands are sent on behalf of a party."
                : "The token's party " + party + " is not in the party register."));
    }
}
