package no.samrad.history;

import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import org.junit.jupiter.api.Test;

/**
 * The import of historical material: records with their sources become the commands a client
 * would send, each record whole; a second import of the same file records nothing; a dry run
 * names every refusal with its line and reason and changes nothing.
 */
@QuarkusTest
class HistoryImportTest {

    @Inject
    HistoryImport history;

    @Inject
    ProjectionCatchUp catchUp;

    private static String header(String namespace) {
        return "{\"format\": \"samrad-import\", \"version\": 1, \"namespace\": \"" + namespace + "\"}";
    }

    private static final String MEETING = "{\"record\": \"meeting\", \"key\": \"meeting/2001/4\", \"source\":"
            + " \"Konsultasjonsmøte 16.10.01\", \"kind\": \"CONSULTATION\", \"number\": 4, \"date\": \"2001-10-16\","
            + " \"held\": true}";
    private static final String AGREEMENT = "{\"record\": \"agreement\", \"key\": \"agreement/eldre\", \"source\":"
            + " \"Avtale 2003\", \"title\": \"Avtale om eldreomsorg\", \"category\": \"WELFARE_SERVICES\","
            + " \"parties\": [\"SOS\", \"KS\"], \"enteredOn\": \"2003-01-01\", \"expiresOn\": \"2003-12-31\","
            + " \"renewals\": [{\"enteredOn\": \"2004-03-01\", \"expiresOn\": \"2004-09-30\"}]}";
    private static final String CASE = "{\"record\": \"case\", \"key\": \"case/eldre\", \"source\": \"Vedlegg a\","
            + " \"kind\": \"SECTOR_MATTER\", \"title\": \"Eldreomsorgen\", \"ministries\": [\"SHD\"],"
            + " \"meeting\": \"meeting/2001/4\", \"reportedOn\": \"2001-09\","
            + " \"concluded\": {\"concludedOn\": \"2001-10-16\", \"outcome\": \"Drøftet\"}}";

    private HistoryImport.Report run(boolean dryRun, String... lines) {
        return history.run(new BufferedReader(new StringReader(String.join("\n", lines))), dryRun);
    }

    @Test
    void recordsEachRecordWithItsSourceAndASecondImportRecordsNothing() {
        String namespace = "test-" + UUID.randomUUID();
        HistoryImport.Report first = run(false, header(namespace), MEETING, "", AGREEMENT, CASE);
        assertEquals(List.of(HistoryImport.Result.RECORDED, HistoryImport.Result.RECORDED,
                HistoryImport.Result.RECORDED), first.outcomes().stream().map(HistoryImport.Outcome::result).toList(),
                first.outcomes().toString());
        assertEquals(List.of(2, 4, 5), first.outcomes().stream().map(HistoryImport.Outcome::line).toList());
        assertEquals(List.of(HistoryImport.RecordKind.MEETING, HistoryImport.RecordKind.AGREEMENT,
                HistoryImport.RecordKind.CASE), first.outcomes().stream().map(HistoryImport.Outcome::kind).toList());
        UUID agreement = HistoryImport.idOf(namespace, "agreement/eldre");
        given().when().get("/api/v1/agreements/" + agreement).then().statusCode(200)
                .body("lapses[0].from", equalTo("2004-01-01"))
                .body("lapses[0].to", equalTo("2004-02-29"));
        given().when().get("/api/v1/agreements/" + agreement + "/history").then().statusCode(200)
                .body("metadata.source", contains("Avtale 2003", "Avtale 2003", "Avtale 2003"));
        given().when().get("/api/v1/meetings/" + HistoryImport.idOf(namespace, "meeting/2001/4")).then()
                .statusCode(200).body("title", equalTo("4. konsultasjonsmøte 2001")).body("status", equalTo("HELD"));
        given().when().get("/api/v1/cases/" + HistoryImport.idOf(namespace, "case/eldre")).then()
                .statusCode(200).body("status", equalTo("CONCLUDED"));

        long head = catchUp.headPosition();
        HistoryImport.Report again = run(false, header(namespace), MEETING, AGREEMENT, CASE);
        assertTrue(again.outcomes().stream().allMatch(outcome -> outcome.result()
                == HistoryImport.Result.ALREADY_RECORDED), again.outcomes().toString());
        assertEquals(head, catchUp.headPosition(), "a second import appends nothing");
    }

    @Test
    void aDryRunNamesEveryRefusalWithItsLineAndReasonAndChangesNothing() {
        String namespace = "test-" + UUID.randomUUID();
        long head = catchUp.headPosition();
        HistoryImport.Report report = run(true, header(namespace),
                MEETING,
                "{\"record\": \"meeting\", \"key\": \"broken\"",
                "{\"record\": \"meeting\", \"key\": \"m2\", \"source\": \"s\", \"kind\": \"BILATERAL\","
                        + " \"date\": \"2000-10\", \"ministry\": \"KD\", \"room\": \"A\"}",
                "{\"record\": \"letter\", \"key\": \"l1\", \"source\": \"s\"}",
                "{\"record\": \"meeting\", \"key\": \"m3\", \"kind\": \"DIGITALISATION\", \"date\": \"2020\"}",
                AGREEMENT.replace("\"SOS\"", "\"HOD\""),
                AGREEMENT.replace("agreement/eldre", "agreement/late").replace("2004-03-01", "2002-06-01"),
                CASE,
                CASE.replace("case/eldre", "case/orphan").replace("meeting/2001/4", "meeting/none"));
        List<String> lines = report.outcomes().stream().map(HistoryImport.Outcome::toString).toList();
        assertEquals(9, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("line 2: would record meeting meeting/2001/4"), lines.get(0));
        assertTrue(lines.get(1).startsWith("line 3: refused: IMPORT_LINE_INVALID"), lines.get(1));
        assertTrue(lines.get(2).startsWith("line 4: refused: IMPORT_LINE_INVALID") && lines.get(2).contains("room"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("line 5: refused: IMPORT_LINE_INVALID") && lines.get(3).contains("letter"),
                lines.get(3));
        assertTrue(lines.get(4).startsWith("line 6: refused: IMPORT_LINE_INVALID") && lines.get(4).contains("source"),
                lines.get(4));
        assertTrue(lines.get(5).startsWith("line 7: refused agreement agreement/eldre")
                && lines.get(5).contains("PARTY_NOT_VALID_ON_DATE (parties)"), lines.get(5));
        assertTrue(lines.get(6).startsWith("line 8: refused agreement agreement/late")
                && lines.get(6).contains("RENEWAL_TERM_INVALID (enteredOn)"), lines.get(6));
        assertTrue(lines.get(7).startsWith("line 9: would record case case/eldre"), lines.get(7));
        assertTrue(lines.get(8).startsWith("line 10: refused case case/orphan"), lines.get(8));
        assertEquals(7, report.refused());
        assertEquals(head, catchUp.headPosition(), "a dry run appends nothing");
        given().when().get("/api/v1/meetings/" + HistoryImport.idOf(namespace, "meeting/2001/4")).then()
                .statusCode(404);
    }

    @Test
    void aFileWithoutItsHeaderIsRefusedAtItsFirstLine() {
        HistoryImport.Report report = run(true, "", MEETING);
        assertEquals(1, report.outcomes().size());
        assertTrue(report.outcomes().get(0).toString().startsWith("line 2: refused: IMPORT_HEADER_INVALID"),
                report.outcomes().toString());
    }

    @Test
    void printsEveryOutcomeAndExitsWithOneWhenARecordWasRefused() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ImportRun.print(run(true, header("test-" + UUID.randomUUID()), MEETING,
                AGREEMENT.replace("\"SOS\"", "\"HOD\"")), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(text.contains("line 3: refused agreement") && text.contains("Dry run, nothing was changed: 1"),
                text);
    }
}
