package no.samrad.party.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import no.samrad.infrastructure.web.FreeText;
import no.samrad.infrastructure.web.SingleLine;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.SuccessorPart;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the register's changes (samrad:admin); each names its source. */
final class PartyRequests {

    private PartyRequests() {
    }

    /** A party that enters the register; {@code establishedOn} is absent for one that existed before 1990. */
    @Schema(name = "PartyEstablishment")
    record Establishment(
            @Schema(example = "DFD") @NotNull @Size(max = 16) @SingleLine String code,
            @Schema(example = "MINISTRY") @NotNull PartyKind kind,
            @Schema(example = "Digitaliserings- og forvaltningsdepartementet") @NotNull @Size(max = 200) @SingleLine
            String name,
            @Schema(example = "Ministry of Digitalisation and Public Governance") @Size(max = 200) @SingleLine
            String nameEn,
            @Schema(example = "932384469") @Size(max = 9) @SingleLine String orgNo,
            @Schema(example = "2024-01-01") LocalDate establishedOn,
            @Schema(example = "Kongelig resolusjon 15. desember 2023") @NotNull @Size(max = 1000) @SingleLine
            String source) {
    }

    /** A new name from {@code renamedOn}; {@code newCode} only where the code changes too. */
    @Schema(name = "PartyRenaming")
    record Renaming(
            @Schema(example = "2024-01-01") @NotNull LocalDate renamedOn,
            @Schema(example = "Energidepartementet") @NotNull @Size(max = 200) @SingleLine String name,
            @Schema(example = "Ministry of Energy") @Size(max = 200) @SingleLine String nameEn,
            @Schema(example = "ED") @Size(max = 16) @SingleLine String newCode,
            @Schema(description = "The renamed party's organisation number, where it is another")
            @Size(max = 9) @SingleLine String orgNo,
            @NotNull @Size(max = 1000) @SingleLine String source) {
    }

    /** A part of a split, or what a merger forms: a new party (code and name) or an existing one (key). */
    @Schema(name = "PartySuccessor")
    record Part(
            @Schema(description = "An existing party that takes the part over", example = "KDD")
            @Size(max = 24) @SingleLine String key,
            @Schema(description = "The code of a party the change establishes", example = "SOS")
            @Size(max = 16) @SingleLine String code,
            @Size(max = 200) @SingleLine String name,
            @Size(max = 200) @SingleLine String nameEn,
            @Size(max = 9) @SingleLine String orgNo,
            @Size(max = 4000) @FreeText String tasks,
            @Schema(description = "Ids of the records this part acts for") List<@NotNull @Size(max = 64) String> records,
            @Schema(description = "Whether this part acts for every record no other part names")
            Boolean remainingRecords) {

        SuccessorPart toPart() {
            return new SuccessorPart(key, code, name, nameEn, orgNo, tasks, records, Boolean.TRUE.equals(remainingRecords));
        }
    }

    @Schema(name = "PartySplit")
    record Split(
            @Schema(example = "2002-01-01") @NotNull LocalDate splitOn,
            @NotNull @Size(min = 2, max = 20) List<@Valid @NotNull Part> parts,
            @NotNull @Size(max = 1000) @SingleLine String source) {
    }

    @Schema(name = "PartyMerger")
    record Merger(
            @Schema(example = "[\"KRD\", \"MOD\"]") @NotNull @Size(min = 2, max = 20)
            List<@NotNull @Size(max = 24) String> keys,
            @Schema(example = "2014-01-01") @NotNull LocalDate mergedOn,
            @Valid @NotNull Part into,
            @NotNull @Size(max = 1000) @SingleLine String source) {
    }

    @Schema(name = "PartyTaskMove")
    record TaskMove(
            @Schema(example = "KDD") @NotNull @Size(max = 24) @SingleLine String toKey,
            @Schema(example = "2024-01-01") @NotNull LocalDate movedOn,
            @Schema(example = "Digitalisering og forvaltningspolitikk") @NotNull @Size(max = 4000) @FreeText
            String tasks,
            @Schema(description = "Ids of the records that move with the tasks")
            List<@NotNull @Size(max = 64) String> records,
            @NotNull @Size(max = 1000) @SingleLine String source) {
    }

    @Schema(name = "PartyAbolition")
    record Abolition(
            @Schema(description = "The first day the party no longer exists", example = "2006-01-01") @NotNull
            LocalDate abolishedOn,
            @NotNull @Size(max = 1000) @SingleLine String source) {
    }
}
