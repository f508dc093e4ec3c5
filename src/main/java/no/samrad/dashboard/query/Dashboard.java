package no.samrad.dashboard.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The state of the arrangement at a glance, seen from one day ({@code on}, effective time) in the
 * record as it stands now or as it stood at {@code asOf} (recorded time).
 *
 * @param logHead the published log's position when the dashboard was read: a live client streams
 *                the events after it
 * @param counts  records that existed on {@code on}, by kind ({@code AGREEMENT}, {@code MEETING} and each
 *                case kind) and the state they were in that day
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(LocalDate on, Instant asOf, long logHead, Map<String, Map<String, Long>> counts,
                        Expiring expiring, List<TimelineRow> timeline, List<OpenCostCase> openCostCases,
                        List<WaitingRequest> awaitingDecision, List<UpcomingMeeting> nextMeetings) {

    /** Agreements running out: in {@code on}'s calendar year, and within 90 and 180 days of it. */
    @Schema(name = "ExpiringAgreements")
    public record Expiring(List<ExpiringAgreement> thisYear, List<ExpiringAgreement> within90Days,
                           List<ExpiringAgreement> within180Days) {
    }

    /** {@code daysLeft} is negative for a term that ran out earlier in the year. */
    public record ExpiringAgreement(UUID id, String title, List<String> parties, LocalDate expiresOn, long daysLeft) {
    }

    /** An agreement with every term it has had; {@code inForce} on the dashboard's day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineRow(UUID id, String title, String status, String category, List<String> parties,
                              Integer firstEnteredYear, boolean inForce, List<Term> terms) {
    }

    /** {@code endedOn} is the last day in force where the term ended before its expiry date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineTerm")
    public record Term(int term, LocalDate enteredOn, LocalDate expiresOn, LocalDate endedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OpenCostCase(UUID id, String caseNumber, String title, List<String> ministries, String reform,
                               LocalDate reportedFrom, Estimate latestEstimate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OpenCostCaseEstimate")
    public record Estimate(BigDecimal amountNok, int periodFrom, int periodTo, String madeBy, LocalDate madeOn,
                           String verdict) {
    }

    /** A law-participation request still waiting for the ministry's answer on the dashboard's day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaitingRequest(UUID id, String caseNumber, String title, String law, List<String> ministries,
                                 String requestedBy, String reportedOn, long daysWaited) {
    }

    public record UpcomingMeeting(UUID id, String title, String kind, String date, String status,
                                  List<AgendaEntry> agenda) {
    }

    @Schema(name = "UpcomingAgendaEntry")
    public record AgendaEntry(UUID caseId, String caseNumber, String kind, String title, String status) {
    }
}
