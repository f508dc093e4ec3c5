package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/events.md is the event catalogue: every event type in the code is in it, at its revision. */
class EventCatalogueTest {

    private static final Pattern EVENT = Pattern.compile("@Revision\\(\"(\\d+)\"\\)\\s+public record (\\w+)");

    @Test
    void everyEventTypeIsCataloguedAtItsRevision() throws IOException {
        String catalogue = Files.readString(Path.of("docs/events.md"));
        List<String> missing = new ArrayList<>();
        int events = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher event = EVENT.matcher(Files.readString(source));
                while (event.find()) {
                    events++;
                    String row = "| `" + event.group(2) + "` | " + event.group(1) + " |";
                    if (!catalogue.contains(row)) {
                        missing.add(row);
                    }
                }
            }
        }
        assertFalse(events == 0, "the scan found the events");
        assertEquals(List.of(), missing, "rows docs/events.md lacks");
    }
}
