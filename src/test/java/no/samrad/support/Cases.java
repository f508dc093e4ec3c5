package no.samrad.support;

import static no.samrad.support.Agreements.post;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds meetings and case reports for endpoint tests. */
public final class Cases {

    public static final String PATH = "/api/v1/cases";

    private Cases() {
    }

    /** Schedules a second consultation meeting on {@code date} and returns its id. */
    public static String meeting(String date) {
        return post("/api/v1/meetings", Map.of("kind", "SECOND_CONSULTATION", "date", date))
                .statusCode(201).extract().path("id");
    }

    public static Map<String, Object> newCase(String kind, String title, List<String> ministries, String meeting) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("ministries", ministries);
        body.put("meeting", meeting);
        return body;
    }

    /** Reports the case as KS and returns its id. */
    public static String report(Map<String, Object> body) {
        return post(PATH, body).statusCode(201).extract().path("id");
    }
}
