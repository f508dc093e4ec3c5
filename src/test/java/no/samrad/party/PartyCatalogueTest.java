package no.samrad.party;

import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/parties.md lists every entry of the register's recorded history with every source it
 * cites. The history cites web pages; the parties tests add cite no page, and are left out.
 */
@QuarkusTest
class PartyCatalogueTest {

    @Test
    void everyRecordedEntryIsListedWithItsSources() throws IOException {
        String catalogue = Files.readString(Path.of("docs/parties.md"));
        List<Map<String, Object>> entries = given().when().get("/api/v1/parties").then().statusCode(200).extract()
                .path("findAll { it.sources.every { source -> source.startsWith('https://') } }");
        assertTrue(entries.size() > 40, "the recorded history was read: " + entries.size() + " entries");
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            String row = "| " + entry.get("key") + " | " + entry.get("code") + " |";
            if (!catalogue.contains(row)) {
                missing.add(row);
            }
            @SuppressWarnings("unchecked")
            List<String> sources = (List<String>) entry.get("sources");
            sources.stream().filter(source -> !catalogue.contains("(" + source + ")")).forEach(missing::add);
        }
        assertEquals(List.of(), missing, "entries or sources docs/parties.md lacks");
    }
}
