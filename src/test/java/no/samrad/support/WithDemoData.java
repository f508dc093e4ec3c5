package no.samrad.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Samråd as the README starts it, with the 2021 material imported. Each profile class is a start
 * of its own on a fresh store; a test that adds records extends this one so the material stays
 * as it is for the tests that count it.
 */
public class WithDemoData implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("samrad.demo-data", "true");
    }
}
