package no.samrad.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads an export of the published log (NDJSON, as {@code GET /api/v1/events/export} writes it)
 * and checks its linear chain line by line: each line's canonical form names its position and the
 * hash before it, and hashes to the line's own hash. Each event is handed on as the canonical form
 * holds it, which is the event's stored row byte for byte: what the offline verifier builds the
 * tree from, and what a replay stores again.
 */
final class ExportReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] METADATA = "\nmetadata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAYLOAD = "\npayload: ".getBytes(StandardCharsets.UTF_8);

    /** An event as its canonical form holds it: its stored row, and the canonical bytes themselves. */
    record ExportedEvent(long position, String eventId, String recordType, String recordId, long sequence,
                                String payloadType, String revision, String recordedAt, byte[] metadata,
                                byte[] payload, byte[] canonical) {
    }

    /** What the reader is handed each event to. */
    @FunctionalInterface
    interface EventSink {
        void accept(ExportedEvent event) throws IOException;
    }

    /** An export that does not hold together: where, and why. */
    static final class BrokenExport extends Exception {
        BrokenExport(String message) {
            super(message, null, false, false);
        }
    }

    private ExportReader() {
    }

    /** Reads the export, checking its chain, and hands each event on in order; answers the head's hash. */
    static String read(Path export, EventSink sink) throws IOException, BrokenExport {
        String previous = "0".repeat(64);
        long position = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                position++;
                JsonNode event = JSON.readTree(line);
                byte[] canonical = Base64.getDecoder().decode(event.path("canonical").asText());
                String text = new String(canonical, StandardCharsets.UTF_8);
                if (event.path("position").asLong() != position || !text.startsWith("samrad-chain/1\nposition: "
                        + position + "\nprevious: " + previous + "\n")) {
                    throw new BrokenExport("the export's event at position " + position
                            + " does not follow the one before");
                }
                String hash = HexFormat.of().formatHex(sha256(canonical));
                if (!hash.equals(event.path("hash").asText())) {
                    throw new BrokenExport("the export's event at position " + position + " does not hash to its link");
                }
                sink.accept(parse(position, canonical));
                previous = hash;
            }
        }
        return previous;
    }

    private static ExportedEvent parse(long position, byte[] canonical) throws BrokenExport {
        int metadataAt = indexOf(canonical, METADATA, 0);
        int payloadAt = metadataAt < 0 ? -1 : indexOf(canonical, PAYLOAD, metadataAt + METADATA.length);
        if (payloadAt < 0 || canonical[canonical.length - 1] != '\n') {
            throw new BrokenExport("the canonical form at position " + position + " is not samrad-chain/1");
        }
        String[] header = new String(canonical, 0, metadataAt, StandardCharsets.UTF_8).split("\n");
        if (header.length != 7) {
            throw new BrokenExport("the canonical form at position " + position + " is not samrad-chain/1");
        }
        String[] record = value(header[4], "record: ").split(" ");
        String[] type = value(header[5], "type: ").split(" ");
        return new ExportedEvent(position, value(header[3], "event: "), record[0], record[1],
                Long.parseLong(record[2]), type[0], "-".equals(type[1]) ? null : type[1], value(header[6], "recorded: "),
                Arrays.copyOfRange(canonical, metadataAt + METADATA.length, payloadAt),
                Arrays.copyOfRange(canonical, payloadAt + PAYLOAD.length, canonical.length - 1), canonical);
    }

    private static String value(String line, String name) {
        return line.startsWith(name) ? line.substring(name.length()) : "";
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
