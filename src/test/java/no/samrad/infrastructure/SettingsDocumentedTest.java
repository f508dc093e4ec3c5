package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting of Samråd's own (samrad.*, set or shown commented out in application.properties)
 * has its row in README's settings table, under the environment variable an operator sets.
 */
class SettingsDocumentedTest {

    private static final Pattern SETTING = Pattern.compile("^(?:#\\s*)?(?:%[a-z,]+\\.)?(samrad\\.[a-z0-9.-]+)\\s*=",
            Pattern.MULTILINE);

    @Test
    void everySettingHasItsRowInTheReadme() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> settings = new TreeSet<>();
        for (Matcher found = SETTING.matcher(properties); found.find(); ) {
            settings.add(found.group(1));
        }
        assertTrue(settings.contains("samrad.keys.generate-missing"), "the table is read: " + settings);
        Set<String> undocumented = new TreeSet<>();
        for (String setting : settings) {
            String variable = setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!readme.contains("| `" + variable + "` |")) {
                undocumented.add(setting + " (" + variable + ")");
            }
        }
        assertEquals(Set.of(), undocumented);
    }
}
