package no.samrad.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.ConcludeCase;
import no.samrad.cases.api.ReportCase;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.startup.StartupTask;
import no.samrad.infrastructure.time.PartialDate;
import no.samrad.lawparticipation.api.DecideLawParticipation;
import no.samrad.lawparticipation.api.LawInQuestion;
import no.samrad.lawparticipation.api.LawKind;
import no.samrad.lawparticipation.api.LawMilestone;
import no.samrad.lawparticipation.api.LawParticipationDecision;
import no.samrad.lawparticipation.api.RecordLawMilestone;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.ScheduleMeeting;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.api.PartyRegister;
import no.samrad.party.api.RegisterEvent;
import no.samrad.infrastructure.error.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports the 2021 material (appendix c, the proposed agreements of chapter 2, the meetings the
 * material names, and its cases: chapters 2, 3 and 5 and appendices a and b) into an empty store, through the same commands a client sends, so that the
 * history is real.
 *
 * <p>Two quirks of the source are handled here, not in the domain: dates are printed
 * {@code d.M.yyyy} and not always zero-padded; and a source written in April 2021 names parties by
 * their 2021 codes even for agreements entered earlier (BFD for an agreement of 2018, when the
 * ministry was BLD), so each code is mapped to the party that held it on the entry date.
 */
@ApplicationScoped
public class DemoDataImporter implements StartupTask {

    static final String SOURCE = "demo/konsultasjon-2021.json";
    static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private static final Pattern PLENARY_MEETING = Pattern.compile("([12])\\. møte (\\d{4})");
    private static final Pattern BILATERAL_MEETING = Pattern.compile("Bilateralt møte (\\d{4})");
    private static final Logger LOG = Logger.getLogger(DemoDataImporter.class);
    private static final Map<String, LawMilestone> MILESTONES = Map.of(
            "public consultation", LawMilestone.PUBLIC_CONSULTATION,
            "bill presented to the Storting", LawMilestone.BILL_PRESENTED,
            "law in force", LawMilestone.IN_FORCE);

    private final boolean enabled;
    private final CommandGateway commands;
    private final PartyRegister parties;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    DemoDataImporter(@ConfigProperty(name = "samrad.demo-data") boolean enabled, CommandGateway commands,
                     PartyRegister parties, AgroalDataSource dataSource, ObjectMapper json) {
        this.enabled = enabled;
        this.commands = commands;
        this.parties = parties;
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run() {
        if (!enabled || holdsRecords()) {
            return;
        }
        JsonNode material = read();
        MetaData origin = EventMetadata.system("demo-import", null).and(EventMetadata.SOURCE, SOURCE);
        int imported = 0;
        for (JsonNode row : material.path("agreements")) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(enterCommand(row)).andMetaData(origin));
            imported++;
        }
        LocalDate materialDate = YearMonth.parse(material.path("meeting").path("month").asText()).atDay(1);
        for (JsonNode row : material.path("proposedAgreements")) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(proposeCommand(row, materialDate))
                    .andMetaData(origin));
            imported++;
        }
        LOG.infof("Imported %d agreements of the 2021 material from %s.", imported, SOURCE);
        Map<UUID, ScheduleMeeting> meetings = meetingsNamedIn(material);
        for (ScheduleMeeting meeting : meetings.values()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(meeting).andMetaData(origin));
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new HoldMeeting(meeting.meetingId(), null, null)).andMetaData(origin));
        }
        LOG.infof("Imported %d meetings named in the 2021 material, all held.", meetings.size());
        List<Object> cases = caseCommands(material);
        for (Object command : cases) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(origin));
        }
        LOG.infof("Imported the cases of the 2021 material in %d commands.", cases.size());
    }

    /**
     * The material's own meeting (the 2nd of 2021, in April) and every meeting its rows were
     * reported to ("2. møte 2007", "Bilateralt møte 2020" with the row's ministry), each once. The
     * sources give only the year of the earlier meetings.
     */
    Map<UUID, ScheduleMeeting> meetingsNamedIn(JsonNode material) {
        Map<UUID, ScheduleMeeting> meetings = new LinkedHashMap<>();
        ScheduleMeeting own = ownMeeting(material);
        meetings.put(own.meetingId(), own);
        for (String section : List.of("appendixB_lawParticipation", "appendixA_likely", "lawParticipationEvents")) {
            for (JsonNode row : material.path(section)) {
                ScheduleMeeting named = meetingNamed(row.path("reportedAt").asText(), row.path("ministry").asText());
                meetings.putIfAbsent(named.meetingId(), named);
            }
        }
        return meetings;
    }

    private static ScheduleMeeting ownMeeting(JsonNode material) {
        JsonNode own = material.path("meeting");
        PartialDate date = PartialDate.parse(own.path("month").asText());
        MeetingKind kind = MeetingKind.valueOf(own.path("kind").asText());
        return new ScheduleMeeting(meetingId(kind, date.year(), null), kind, null, date, own.path("budgetYear").asInt(),
                null, null);
    }

    /**
     * The meeting a row names ("2. møte 2019", "Bilateralt møte 2020" with the row's ministry). The
     * sources give only the year of the earlier meetings.
     */
    private ScheduleMeeting meetingNamed(String reportedAt, String ministry) {
        Matcher plenary = PLENARY_MEETING.matcher(reportedAt);
        Matcher bilateral = BILATERAL_MEETING.matcher(reportedAt);
        if (plenary.matches()) {
            MeetingKind kind = "1".equals(plenary.group(1)) ? MeetingKind.FIRST_CONSULTATION
                    : MeetingKind.SECOND_CONSULTATION;
            int year = Integer.parseInt(plenary.group(2));
            return new ScheduleMeeting(meetingId(kind, year, null), kind, null, new PartialDate(year, null, null), null,
                    null, null);
        }
        if (bilateral.matches()) {
            int year = Integer.parseInt(bilateral.group(1));
            String code = codesOn(List.of(ministry), LocalDate.of(year, 1, 1)).get(0);
            return new ScheduleMeeting(meetingId(MeetingKind.BILATERAL, year, code), MeetingKind.BILATERAL, null,
                    new PartialDate(year, null, null), null, code, null);
        }
        throw new IllegalStateException("The material names a meeting Samråd cannot read: " + reportedAt);
    }

    /**
     * The cases of the material, as commands in the order they are sent: the cases of chapters 2
     * and 3, reported by KS (whose input they are) to the material's own meeting; appendix b and
     * a, whose reporter the source does not name; and the law-participation cases of chapter 5.
     * The rows of appendix b are work in progress, so their requests were accepted; the source
     * gives neither the day nor the words of those answers, and the import says so.
     */
    List<Object> caseCommands(JsonNode material) {
        List<Object> commands = new ArrayList<>();
        ScheduleMeeting own = ownMeeting(material);
        for (JsonNode row : material.path("cases")) {
            List<String> ministries = new ArrayList<>();
            row.path("ministry").forEach(code -> ministries.add(code.asText()));
            if (row.path("ministry").isTextual()) {
                ministries.add(row.path("ministry").asText());
            }
            commands.add(new ReportCase(idFor("case/" + row.path("chapter").asText()),
                    CaseKind.valueOf(row.path("kind").asText()), row.path("title").asText(),
                    codesOn(ministries, own.date().latest()), row.path("inputFrom").asText(null), own.meetingId(),
                    own.date(), "Kapittel " + row.path("chapter").asText() + " i materialet til "
                    + own.date().year() + ".", null, null));
        }
        for (JsonNode row : material.path("appendixB_lawParticipation")) {
            ReportCase report = reportFrom(row, "b", CaseKind.LAW_PARTICIPATION, null);
            commands.add(report);
            commands.add(new DecideLawParticipation(report.caseId(), LawParticipationDecision.ACCEPTED,
                    "Pågående lovmedvirkningssak i vedlegg b til materialet for " + own.date().year()
                            + "; kilden gjengir ikke svaret eller datoen.", null, null));
        }
        for (JsonNode row : material.path("appendixA_likely")) {
            commands.add(reportFrom(row, "a", CaseKind.COST_CALCULATION, row.path("title").asText()));
        }
        for (JsonNode row : material.path("lawParticipationEvents")) {
            ReportCase report = reportFrom(row, "5", CaseKind.LAW_PARTICIPATION, null);
            commands.add(report);
            if (!"CONCLUDED".equals(row.path("state").asText())) {
                continue;
            }
            String chapter = "kapittel " + row.path("source").asText().replace("chapter ", "");
            commands.add(new DecideLawParticipation(report.caseId(), LawParticipationDecision.ACCEPTED,
                    "KS har medvirket, jf. " + chapter + "; kilden gjengir ikke svaret eller datoen.", null, null));
            PartialDate last = null;
            for (JsonNode milestone : row.path("milestones")) {
                last = PartialDate.parse(milestone.path("date").asText());
                commands.add(new RecordLawMilestone(report.caseId(), MILESTONES.get(milestone.path("what").asText()),
                        last, null));
            }
            commands.add(new ConcludeCase(report.caseId(), last, "Saken anses som avsluttet, jf. " + chapter + ".",
                    null, null));
        }
        return commands;
    }

    private ReportCase reportFrom(JsonNode row, String section, CaseKind kind, String reform) {
        String reportedAt = row.path("reportedAt").asText();
        ScheduleMeeting meeting = meetingNamed(reportedAt, row.path("ministry").asText());
        String title = row.path("title").asText();
        LawInQuestion law = kind == CaseKind.LAW_PARTICIPATION
                ? new LawInQuestion(title, section.equals("5") ? LawKind.LAW : null, false) : null;
        return new ReportCase(idFor("case/" + section + "/" + title), kind, title,
                codesOn(List.of(row.path("ministry").asText()), meeting.date().latest()),
                row.path("requestedBy").asText(null), meeting.meetingId(), meeting.date(),
                "Oppmeldt: " + reportedAt + ".", reform, law);
    }

    private static UUID meetingId(MeetingKind kind, int year, String ministry) {
        return idFor("meeting/" + kind + "/" + year + (ministry == null ? "" : "/" + ministry));
    }

    EnterAgreement enterCommand(JsonNode row) {
        LocalDate enteredOn = norwegianDate(row.path("entered").asText());
        LocalDate expiresOn = norwegianDate(row.path("expires").asText());
        return new EnterAgreement(idFor("agreement/" + row.path("no").asText()), row.path("title").asText(),
                AgreementCategory.valueOf(row.path("category").asText()), codesOn(row.path("parties"), enteredOn),
                enteredOn, expiresOn, row.path("firstEnteredYear").asInt(), null, null);
    }

    ProposeAgreement proposeCommand(JsonNode row, LocalDate proposedOn) {
        String proposedBy = row.hasNonNull("proposedBy") ? row.path("proposedBy").asText() : null;
        return new ProposeAgreement(idFor("proposal/" + row.path("title").asText()), row.path("title").asText(),
                null, codesOn(row.path("parties"), proposedOn), proposedBy, proposedOn);
    }

    /** Accepts the source's {@code d.M.yyyy}, with or without zero padding. */
    static LocalDate norwegianDate(String text) {
        return LocalDate.parse(text.trim(), NORWEGIAN_DATE);
    }

    private List<String> codesOn(JsonNode codes, LocalDate date) {
        List<String> texts = new ArrayList<>();
        codes.forEach(code -> texts.add(code.asText()));
        return codesOn(texts, date);
    }

    private List<String> codesOn(List<String> codes, LocalDate date) {
        return codes.stream().map(code -> parties.asOf(code, date).map(Party::code)
                .orElseThrow(() -> new DomainException(PartyErrors.PARTY_NOT_VALID_ON_DATE,
                        "No party held code " + code + " or its predecessors on " + date + ".")))
                .toList();
    }

    /** Whether the store holds any record besides the party register, which every store opens with. */
    private boolean holdsRecords() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier <> ? FETCH FIRST 1 ROWS ONLY")) {
            statement.setString(1, RegisterEvent.REGISTER_ID);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell whether the store is empty", e);
        }
    }

    /** Stable ids, so that the demo records have the same address on every machine. */
    private static UUID idFor(String key) {
        return UUID.nameUUIDFromBytes(("samrad-demo-2021/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo data " + SOURCE + " is missing from the application");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
