package no.samrad.party.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;

/**
 * The register as the migrations seeded it, read once at start. Reference data changes only with a
 * new migration, that is with a new release, so it is held in memory.
 */
@ApplicationScoped
public class DatabasePartyRegister implements PartyRegister {

    private final AgroalDataSource dataSource;
    private volatile Map<String, Party> parties;

    DatabasePartyRegister(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Party> find(String code) {
        return Optional.ofNullable(code).map(loaded()::get);
    }

    @Override
    public List<Party> all() {
        return List.copyOf(loaded().values());
    }

    private Map<String, Party> loaded() {
        Map<String, Party> current = parties;
        if (current == null) {
            synchronized (this) {
                if (parties == null) {
                    parties = load();
                }
                current = parties;
            }
        }
        return current;
    }

    private Map<String, Party> load() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, List<Party.FormerName>> formerNames = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT code, name, valid_from, valid_to FROM party_name ORDER BY code, valid_to")) {
                while (rows.next()) {
                    formerNames.computeIfAbsent(rows.getString("code"), code -> new ArrayList<>())
                            .add(new Party.FormerName(rows.getString("name"), date(rows, "valid_from"),
                                    date(rows, "valid_to")));
                }
            }
            List<Party> loaded = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT code, kind, name, name_en, org_no, valid_from, valid_to, successor_code FROM party")) {
                while (rows.next()) {
                    String code = rows.getString("code");
                    loaded.add(new Party(code, PartyKind.valueOf(rows.getString("kind")), rows.getString("name"),
                            rows.getString("name_en"), rows.getString("org_no"), date(rows, "valid_from"),
                            date(rows, "valid_to"), rows.getString("successor_code"),
                            List.copyOf(formerNames.getOrDefault(code, List.of()))));
                }
            }
            Map<String, Party> byCode = new LinkedHashMap<>();
            loaded.stream()
                    .sorted(Comparator.comparing(Party::kind).thenComparing(Party::code))
                    .forEach(party -> byCode.put(party.code(), party));
            return Collections.unmodifiableMap(byCode);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the party register", e);
        }
    }

    private static LocalDate date(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }
}
