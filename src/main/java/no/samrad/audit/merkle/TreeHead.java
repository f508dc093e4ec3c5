package no.samrad.audit.merkle;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The head of a log's Merkle tree as a C2SP tlog-checkpoint note text: the log's origin, the tree
 * size in decimal and the base64 root hash, each on its own line.
 */
public record TreeHead(String origin, long size, byte[] root) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final int HASH_BYTES = 32;

    public TreeHead {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }

    /** The note text of the checkpoint. */
    public String text() {
        return origin + "\n" + size + "\n" + rootBase64() + "\n";
    }

    /**
     * Reads a checkpoint's note text; extension lines after the root are allowed and ignored, as
     * the specification says. Empty when the text is not a checkpoint.
     */
    public static Optional<TreeHead> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty() || !SignedNote.validKeyName(lines[0])
                || !SIZE.matcher(lines[1]).matches()) {
            return Optional.empty();
        }
        for (int i = 3; i < lines.length - 1; i++) {
            if (lines[i].isEmpty()) {
                return Optional.empty();
            }
        }
        try {
            long size = Long.parseLong(lines[1]);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            if (root.length != HASH_BYTES || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
                return Optional.empty();
            }
            return Optional.of(new TreeHead(lines[0], size, root));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
