import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an export of Samråd's published log with the JDK alone:
 * {@code java docs/VerifyChain.java samrad-events.ndjson}. For every line it decodes the canonical
 * form, checks that its position follows the line before, that it names the hash before it, and
 * that its SHA-256 is the line's hash. Prints the head and its hash, or the first line that fails.
 */
public class VerifyChain {

    private static final Pattern HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
    private static final Pattern CANONICAL = Pattern.compile("\"canonical\":\"([A-Za-z0-9+/=]+)\"");

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        String previous = "0".repeat(64);
        long position = 0;
        for (String line : lines) {
            position++;
            Matcher canonical = CANONICAL.matcher(line);
            String hash = null;
            for (Matcher found = HASH.matcher(line); found.find(); ) {
                hash = found.group(1);
            }
            if (!canonical.find() || hash == null) {
                fail(position, "has no canonical form or hash");
            }
            byte[] bytes = Base64.getDecoder().decode(canonical.group(1));
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.startsWith("samrad-chain/1\nposition: " + position + "\nprevious: " + previous + "\n")) {
                fail(position, "does not follow the event before it");
            }
            String computed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!computed.equals(hash)) {
                fail(position, "has hash " + hash + " but its canonical form hashes to " + computed);
            }
            previous = hash;
        }
        System.out.println("intact: " + position + " events, head hash " + previous);
    }

    private static void fail(long position, String why) {
        System.out.println("broken at position " + position + ": the event " + why);
        System.exit(1);
    }
}
