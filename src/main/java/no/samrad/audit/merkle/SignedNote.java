package no.samrad.audit.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A note signed as C2SP signed-note defines it: a text ending in a newline, a blank line, and one
 * line per signature, {@code — <key name> base64(key id || signature)}. The key id of an Ed25519
 * key is the first four bytes of SHA-256(key name || 0x0A || type || 32-byte public key), type
 * 0x01 for a log's own signature and 0x04 for a witness's timestamped cosignature
 * (C2SP tlog-cosignature), whose signature is an 8-byte timestamp and the Ed25519 signature of
 * {@code cosignature/v1\ntime <timestamp>\n} followed by the text.
 *
 * @param text       the signed text, its final newline included
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<Line> signatures) {

    /** The em dash that opens a signature line. */
    private static final String DASH = "\u2014 ";
    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE = 0x04;
    /** More signatures than this and a note is refused: C2SP asks verifiers to accept at least 16. */
    private static final int MOST_SIGNATURES = 64;
    private static final int ED25519_SIGNATURE = 64;
    private static final int SPKI_PREFIX = 12;

    /** One signature line: the key's name, its 4-byte id and the signature bytes after it. */
    public record Line(String keyName, int keyId, byte[] signature) {
        public String format() {
            byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** The whole note as served: text, blank line and signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(line -> note.append(line.format()));
        return note.toString();
    }

    /** The note with one more signature line, unless it holds that key's line already. */
    public SignedNote with(Line line) {
        if (signatures.stream().anyMatch(held -> held.keyName().equals(line.keyName())
                && held.keyId() == line.keyId())) {
            return this;
        }
        List<Line> all = new ArrayList<>(signatures);
        all.add(line);
        return new SignedNote(text, all);
    }

    /**
     * Reads a signed note; empty when the text is not one: no blank line before the signatures,
     * a signature line of the wrong form, a control character, or no signature at all.
     */
    public static Optional<SignedNote> parse(String note) {
        if (note == null || !note.endsWith("\n") || note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            return Optional.empty();
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n");
        if (lines.length > MOST_SIGNATURES || lines.length == 0) {
            return Optional.empty();
        }
        List<Line> signatures = new ArrayList<>();
        for (String line : lines) {
            Optional<Line> parsed = parseLine(line);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            signatures.add(parsed.get());
        }
        return Optional.of(new SignedNote(text, signatures));
    }

    private static Optional<Line> parseLine(String line) {
        if (!line.startsWith(DASH)) {
            return Optional.empty();
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || !validKeyName(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(parts[1]);
            if (bytes.length < 5) {
                return Optional.empty();
            }
            return Optional.of(new Line(parts[0], ByteBuffer.wrap(bytes).getInt(),
                    Arrays.copyOfRange(bytes, 4, bytes.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A key name is non-empty and holds no space and no plus sign. */
    public static boolean validKeyName(String name) {
        return name != null && !name.isEmpty() && name.codePoints()
                .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '+' || c < 0x20);
    }

    /** The note key id of an Ed25519 key of this name and signature type. */
    public static int keyId(String keyName, byte type, PublicKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(keyName.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(type);
            digest.update(raw(key));
            return ByteBuffer.wrap(digest.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** The 32 bytes of an Ed25519 public key (RFC 8032), from its X.509 encoding. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, SPKI_PREFIX, encoded.length);
    }

    /** An Ed25519 public key from its 32 bytes (RFC 8032). */
    public static PublicKey ed25519(byte[] raw) {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] encoded = ByteBuffer.allocate(prefix.length + raw.length).put(prefix).put(raw).array();
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Whether the note holds a valid Ed25519 signature (type 0x01) by this key under this name. */
    public boolean signedBy(String keyName, PublicKey key) {
        int id = keyId(keyName, ED25519, key);
        return signatures.stream().anyMatch(line -> line.keyName().equals(keyName) && line.keyId() == id
                && line.signature().length == ED25519_SIGNATURE
                && verifies(key, text.getBytes(StandardCharsets.UTF_8), line.signature()));
    }

    /**
     * The time of this key's valid cosignature (C2SP tlog-cosignature, Ed25519), in seconds since
     * the epoch; empty when the note holds none.
     */
    public Optional<Long> cosignedBy(String keyName, PublicKey key) {
        return cosignatureBy(keyName, key).map(SignedNote::cosignedAt);
    }

    /** This key's valid cosignature line (C2SP tlog-cosignature, Ed25519), if the note holds one. */
    public Optional<Line> cosignatureBy(String keyName, PublicKey key) {
        int id = keyId(keyName, COSIGNATURE, key);
        for (Line line : signatures) {
            if (line.keyName().equals(keyName) && line.keyId() == id
                    && line.signature().length == 8 + ED25519_SIGNATURE) {
                long time = cosignedAt(line);
                byte[] signature = Arrays.copyOfRange(line.signature(), 8, line.signature().length);
                if (time >= 0 && verifies(key, cosigned(time, text), signature)) {
                    return Optional.of(line);
                }
            }
        }
        return Optional.empty();
    }

    /** The time a cosignature line states, in seconds since the epoch. */
    public static long cosignedAt(Line cosignature) {
        return ByteBuffer.wrap(cosignature.signature()).getLong();
    }

    /** The message a witness signs to cosign {@code text} at {@code time}. */
    public static byte[] cosigned(long time, String text) {
        return ("cosignature/v1\ntime " + time + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
