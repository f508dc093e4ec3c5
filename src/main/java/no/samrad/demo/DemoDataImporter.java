package no.samrad.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.startup.StartupTask;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.api.PartyRegister;
import no.samrad.infrastructure.error.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports the 2021 material (appendix c and the proposed agreements of chapter 2) into an empty
 * store, through the same commands a client sends, so that the history is real.
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
    private static final Logger LOG = Logger.getLogger(DemoDataImporter.class);

    private final boolean enabled;
    private final CommandGateway commands;
    private final PartyRegister parties;
    private final ProjectionCatchUp catchUp;
    private final ObjectMapper json;

    DemoDataImporter(@ConfigProperty(name = "samrad.demo-data") boolean enabled, CommandGateway commands,
                     PartyRegister parties, ProjectionCatchUp catchUp, ObjectMapper json) {
        this.enabled = enabled;
        this.commands = commands;
        this.parties = parties;
        this.catchUp = catchUp;
        this.json = json;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run() {
        if (!enabled || catchUp.headPosition() >= 0) {
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
    }

    EnterAgreement enterCommand(JsonNode row) {
        LocalDate enteredOn = norwegianDate(row.path("entered").asText());
        LocalDate expiresOn = norwegianDate(row.path("expires").asText());
        return new EnterAgreement(idFor("agreement/" + row.path("no").asText()), row.path("title").asText(),
                AgreementCategory.valueOf(row.path("category").asText()), codesOn(row.path("parties"), enteredOn),
                enteredOn, expiresOn, row.path("firstEnteredYear").asInt());
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
        List<String> resolved = new ArrayList<>();
        for (JsonNode code : codes) {
            resolved.add(parties.asOf(code.asText(), date).map(Party::code)
                    .orElseThrow(() -> new DomainException(PartyErrors.PARTY_NOT_VALID_ON_DATE,
                            "No party held code " + code.asText() + " or its predecessors on " + date + ".")));
        }
        return resolved;
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
