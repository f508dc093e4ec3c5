package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.audit.merkle.VerifierKey;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes witnesses' cosignatures of the log's checkpoints (C2SP tlog-cosignature): a checkpoint's
 * note as this log signed it, with one or more cosignature lines of the witnesses named in
 * {@code samrad.audit.witnesses}. Each valid line is kept and served with the checkpoint from then
 * on; lines of keys the log does not know are ignored, as the specification asks.
 */
@ApplicationScoped
public class Cosignatures {

    static final String WITNESSES_SETTING = "samrad.audit.witnesses";
    private static final String BODY = "body";

    /** What a cosigned note brought: the checkpoint as now served, and whether a line was new. */
    public record Accepted(Checkpoint checkpoint, boolean added) {
    }

    private final ChainCheckpoints checkpoints;
    private final AuditKeys keys;
    private final List<VerifierKey> witnesses;

    Cosignatures(ChainCheckpoints checkpoints, AuditKeys keys,
                 @ConfigProperty(name = WITNESSES_SETTING) Optional<List<String>> witnesses) {
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.witnesses = witnesses.orElse(List.of()).stream().filter(text -> !text.isBlank()).map(text ->
                VerifierKey.parse(text).filter(key -> key.type() == SignedNote.COSIGNATURE).orElseThrow(() ->
                        new IllegalArgumentException(WITNESSES_SETTING + " holds " + text + ", which is not a"
                                + " witness's verifier key (name+keyid+base64 of 0x04 and its Ed25519 key)")))
                .toList();
    }

    /** The witnesses whose cosignatures the log takes, as verifier keys. */
    public List<String> witnesses() {
        return witnesses.stream().map(VerifierKey::text).toList();
    }

    /** Keeps the cosignatures a note carries of a checkpoint this log signed. */
    public Accepted accept(String body) {
        SignedNote note = SignedNote.parse(body == null ? null : body.replace("\r\n", "\n")).orElseThrow(() ->
                invalid("must be a checkpoint's signed note with the witness's cosignature line"));
        TreeHead head = TreeHead.parse(note.text()).filter(read -> read.origin().equals(checkpoints.origin())
                        && keys.signedNote(note, checkpoints.origin()))
                .orElseThrow(() -> invalid("must be a checkpoint of this log (" + checkpoints.origin()
                        + ") with its signature"));
        Checkpoint checkpoint = checkpoints.ofSize(head.size()).filter(held -> held.note() != null
                && held.note().startsWith(note.text() + "\n")).orElseThrow(() -> new DomainException(
                CommonErrors.NOT_FOUND, "This log keeps no checkpoint of " + head.size() + " events with that root."));
        boolean added = false;
        boolean any = false;
        for (VerifierKey witness : witnesses) {
            Optional<SignedNote.Line> line = note.cosignatureBy(witness.name(), witness.key());
            if (line.isPresent()) {
                any = true;
                added |= checkpoints.addCosignature(checkpoint.position(), line.get(),
                        Instant.ofEpochSecond(SignedNote.cosignedAt(line.get())));
            }
        }
        if (!any) {
            throw invalid("carries no valid cosignature of a witness this log knows (" + WITNESSES_SETTING + ")");
        }
        return new Accepted(checkpoints.ofSize(head.size()).orElseThrow(), added);
    }

    private static DomainException invalid(String message) {
        return new DomainException(CommonErrors.INVALID_REQUEST, "The cosigned note " + message + ".", BODY);
    }
}
