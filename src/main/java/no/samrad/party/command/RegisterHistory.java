package no.samrad.party.command;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.startup.StartupTask;
import no.samrad.party.api.RecordRegisterHistory;
import no.samrad.party.api.RegisterChange;
import no.samrad.party.api.RegisterEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;

/**
 * Opens the party register on a store that has none, with the history in
 * {@value #SOURCE}: every ministry since 1990 and every reorganisation since, each with its
 * source (docs/parties.md). Later changes are recorded through the API, never by a new release.
 * Where several instances start on one new store at once, one opens it and the others find it
 * opened.
 */
@ApplicationScoped
class RegisterHistory implements StartupTask {

    static final String SOURCE = "party/register-history.json";
    private static final Logger LOG = Logger.getLogger(RegisterHistory.class);

    private final CommandGateway commands;
    private final StoredRegister register;
    private final ObjectMapper json;

    RegisterHistory(CommandGateway commands, StoredRegister register, ObjectMapper json) {
        this.commands = commands;
        this.register = register;
        this.json = json;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public void run() {
        register.refresh();
        if (register.isRecorded()) {
            return;
        }
        List<RegisterChange> changes = changes();
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RecordRegisterHistory(RegisterEvent.REGISTER_ID, changes))
                    .andMetaData(EventMetadata.system("register-history", null).and(EventMetadata.SOURCE, SOURCE)));
            LOG.infof("Opened the party register with %d changes from %s.", changes.size(), SOURCE);
        } catch (RuntimeException e) {
            register.refresh();
            if (!register.isRecorded()) {
                throw e;
            }
        }
        register.refresh();
    }

    List<RegisterChange> changes() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The register's history " + SOURCE + " is missing from the build");
            }
            return json.readValue(in, new TypeReference<List<RegisterChange>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SOURCE, e);
        }
    }
}
