package no.samrad.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The benchmarks of issues 6, 13, 16 and 17, P1 to P8, each against its baseline in the same run and the
 * same database, written as a table into docs/performance.md between its bench markers. See that
 * document for what each scenario measures and how to run it.
 */
public final class Bench {

    private static final String KS_SCOPE = "samrad:read samrad:write";
    private static final LocalDate P1_ENTRY = LocalDate.of(2030, 1, 1);
    /**
     * Creates per second of a peer measured on this machine and database (issue 13): a minimal
     * Emmett 0.42 service with an inline projection, one transaction per create.
     */
    private static final Map<Integer, Double> PEER_CREATES = Map.of(1, 400.0, 8, 830.0, 32, 870.0);
    private static final int WARMUP_CONCURRENCY = 32;
    private static final int P7_CONCURRENCY = 32;
    private static final int P7_WARMUP_SECONDS = 60;
    /** How many windows in a row the warm-up requires to be steady. */
    private static final int STEADY_WINDOWS = 3;
    /** Linux reports a thread's CPU time in ticks of USER_HZ, which is 100 on every architecture. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;
    /** How often P6's watcher looks for new links: the lag's resolution, against its 1 s target. */
    private static final Duration CHAIN_POLL = Duration.ofMillis(20);

    private final Settings settings;
    private final List<String> rows = new ArrayList<>();
    /** P6's rows, measured during P1 and listed after P5. */
    private final List<String> chainRows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Service service;
    private Http http;
    private String ks;
    private String ministry;
    private String admin;

    /** What a run measures and where; every value can be set in the environment. */
    record Settings(Path jar, String pgServer, String database, String user, String password, int records,
                    int events, int rounds, int seconds, int warmupWindow, int warmupLimit, double steadiness,
                    Path report, Path work) {
        static Settings fromEnvironment() throws IOException {
            Map<String, String> env = System.getenv();
            return new Settings(Path.of(env.getOrDefault("BENCH_JAR", "target/bench-app/quarkus-run.jar")),
                    env.getOrDefault("BENCH_PG", "127.0.0.1:5432"),
                    env.getOrDefault("BENCH_DATABASE", "samrad_bench"),
                    env.getOrDefault("BENCH_PG_USER", "postgres"),
                    env.getOrDefault("BENCH_PG_PASSWORD", ""),
                    Integer.parseInt(env.getOrDefault("BENCH_RECORDS", "100000")),
                    Integer.parseInt(env.getOrDefault("BENCH_EVENTS", "1000000")),
                    Integer.parseInt(env.getOrDefault("BENCH_ROUNDS", "3")),
                    Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "10")),
                    Integer.parseInt(env.getOrDefault("BENCH_WARMUP_WINDOW", "10")),
                    Integer.parseInt(env.getOrDefault("BENCH_WARMUP_LIMIT", "600")),
                    Double.parseDouble(env.getOrDefault("BENCH_WARMUP_STEADINESS", "0.05")),
                    Path.of(env.getOrDefault("BENCH_REPORT", "docs/performance.md")),
                    Files.createTempDirectory("samrad-bench"));
        }

        String jdbcUrl(String db) {
            return "jdbc:postgresql://" + pgServer + "/" + db;
        }
    }

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        new Bench(settings).run();
    }

    private void run() throws Exception {
        log("Samråd benchmark: %d records, %d events, %d rounds of %d s; jar %s; database %s on %s",
                settings.records(), settings.events(), settings.rounds(), settings.seconds(), settings.jar(),
                settings.database(), settings.pgServer());
        recreateDatabase();
        Service.makeKeys(settings.jar(), settings.work().resolve("keys/audit"), "Ed25519");
        Service.makeKeys(settings.jar(), settings.work().resolve("keys/issuer"), "RSA");
        service = new Service(settings.jar(), settings.work(), serviceEnvironment(), List.of());
        Duration firstStart;
        try (Connection db = connect()) {
            firstStart = service.start();
            http = new Http(service.base());
            ks = service.token("KS", KS_SCOPE);
            ministry = service.token("BFD", KS_SCOPE);
            admin = service.token("KS", "samrad:admin samrad:audit samrad:read");
            double[] treeBefore = treeTimes();
            p1CommandThroughput(db);
            double[] treeAfter = treeTimes();
            p2LongRecordLatency();
            p3Queries(db);
            p4Rebuild(db);
            p8Proofs(treeBefore, treeAfter);
            p7TwoInstances();
        } finally {
            service.stop();
        }
        p5StartAndMemory(firstStart);
        writeReport();
    }

    // ------------------------------------------------------------------------------------------ P1

    private void p1CommandThroughput(Connection db) throws Exception {
        warmUp();
        byte[][] row = storedRow(db, "no.samrad.agreement.api.AgreementEntered");
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_raw_event");
            ddl.execute("CREATE TABLE bench_raw_event (global_index BIGSERIAL PRIMARY KEY,"
                    + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                    + " type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL, meta_data BYTEA,"
                    + " payload BYTEA NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL,"
                    + " time_stamp VARCHAR(255) NOT NULL,"
                    + " CONSTRAINT uk_bench_raw_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),"
                    + " CONSTRAINT uk_bench_raw_identifier UNIQUE (event_identifier))");
        }
        List<String> timings = new ArrayList<>();
        List<Double> sightingsAfterStamp = new ArrayList<>();
        List<Double> pollMillis = new ArrayList<>();
        for (int concurrency : new int[] {1, 8, 32}) {
            List<Double> served = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> lagP50 = new ArrayList<>();
            List<Double> lagP99 = new ArrayList<>();
            List<Double> chained = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                connections.add(connect());
            }
            double[] before = commandTimes();
            try {
                for (int round = 0; round < settings.rounds(); round++) {
                    WatchedRound watched = watchedRound(db, concurrency);
                    served.add(watched.commandsPerSecond());
                    lagP50.add(Stats.percentile(watched.lagMillis(), 50));
                    lagP99.add(Stats.percentile(watched.lagMillis(), 99));
                    chained.add(watched.chainedPerSecond());
                    Arrays.stream(watched.sightingAfterStampMillis()).forEach(sightingsAfterStamp::add);
                    pollMillis.add(watched.pollMillis());
                    raw.add(runFor(Duration.ofSeconds(settings.seconds()), concurrency,
                            worker -> insertRaw(connections.get(worker), row)) / (double) settings.seconds());
                    log("P1 c=%d round %d: service %.0f/s, raw %.0f/s; P6: lag p50 %.0f p99 %.0f ms over %d events,"
                                    + " chained %.0f/s while the load ran", concurrency, round + 1, served.get(round),
                            raw.get(round), lagP50.get(round), lagP99.get(round), watched.lagMillis().length,
                            chained.get(round));
                }
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
            double[] after = commandTimes();
            timings.add(fmt("concurrency %d: %.1f / %.1f ms", concurrency,
                    (after[0] - before[0]) / Math.max(1, after[1] - before[1]) * 1000,
                    (after[2] - before[2]) / Math.max(1, after[3] - before[3]) * 1000));

            double rate = Stats.median(served);
            double rawRate = Stats.median(raw);
            double ratio = rate / rawRate;
            double peer = PEER_CREATES.get(concurrency);
            String target;
            boolean met;
            if (concurrency == 1 || concurrency == 32) {
                double share = concurrency == 1 ? 0.25 : 0.5;
                target = fmt("≥ %.2f of raw and > %.0f/s", share, peer);
                met = ratio >= share && rate > peer;
            } else {
                target = fmt("> %.0f/s", peer);
                met = rate > peer;
            }
            String rawInserts = "raw JDBC inserts/s: " + fmt("%.0f", rawRate) + " (" + Stats.spread(raw, "%.0f") + ")";
            rows.add(row("P1", "create commands/s over HTTP, concurrency " + concurrency,
                    fmt("%.0f", rate) + " (" + Stats.spread(served, "%.0f") + ")", rawInserts, fmt("%.3f", ratio),
                    target, met(met)));
            double p99 = Stats.median(lagP99);
            chainRows.add(row("P6", "published-log lag under the P1 load, concurrency " + concurrency
                    + ", p50 / p99 ms", latency(lagP50, lagP99), "", "", "p99 ≤ 1 s", met(p99 <= 1000)));
            double chainRate = Stats.median(chained);
            chainRows.add(row("P6", "events chained/s while the P1 load ran, concurrency " + concurrency,
                    fmt("%.0f", chainRate) + " (" + Stats.spread(chained, "%.0f") + ")", rawInserts,
                    fmt("%.3f", chainRate / rawRate), "", ""));
        }
        notes.add("Where P1's time went, from Samråd's own metrics over its rounds, on average from request to"
                + " answer / of that in the command handler (load, decide, append, project inline, commit): "
                + String.join("; ", timings) + ".");
        double[] delays = sightingsAfterStamp.stream().mapToDouble(Double::doubleValue).toArray();
        notes.add(fmt("P6's watcher polled the published log every %d ms on a connection of its own (%.2f ms a poll"
                        + " on average); it saw a link %.0f ms (p50) and %.0f ms (p99) after the chainer's own stamp,"
                        + " which the chainer takes before it writes and commits its batch.", CHAIN_POLL.toMillis(),
                Stats.median(pollMillis), Stats.percentile(delays, 50), Stats.percentile(delays, 99)));
    }

    /** A round of the P1 load, and what the published log did during it. */
    private record WatchedRound(double commandsPerSecond, double[] lagMillis, double chainedPerSecond,
                                double[] sightingAfterStampMillis, double pollMillis) {
    }

    /**
     * Runs a round of the P1 load while a {@link ChainWatcher} watches the published log, then waits
     * until the log holds every event the round appended. The lag is taken as a reader of the log
     * finds it, from outside, rather than from the chainer's own stamp: that stamp precedes the
     * commit that makes a link readable. The watcher costs one small indexed query per interval,
     * on a connection of its own, against the round's hundreds of commands a second.
     */
    private WatchedRound watchedRound(Connection db, int concurrency) throws Exception {
        awaitCaughtUp();
        long storeHead = count(db, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        try (ChainWatcher watcher = ChainWatcher.start(connect(), CHAIN_POLL)) {
            long answered = runFor(Duration.ofSeconds(settings.seconds()), concurrency, this::enterAgreement);
            Instant ended = Instant.now();
            long appended = count(db, "SELECT count(*) FROM domain_event_entry WHERE global_index > " + storeHead);
            List<ChainWatcher.Sighting> sightings = watcher.awaitSeen(appended, Duration.ofMinutes(5));
            long chainedWhileLoaded = sightings.stream().filter(sighting -> !sighting.seen().isAfter(ended)).count();
            return new WatchedRound(answered / (double) settings.seconds(),
                    sightings.stream().mapToDouble(ChainWatcher.Sighting::lagMillis).toArray(),
                    chainedWhileLoaded / (double) settings.seconds(),
                    sightings.stream().mapToDouble(ChainWatcher.Sighting::sightingAfterStampMillis).toArray(),
                    watcher.averagePollMillis());
        }
    }

    /**
     * Sends the P1 load in windows until its throughput is steady (the highest and lowest rate of
     * the last few windows differ by at most the steadiness times their mean), for at most the
     * warm-up limit: the JIT compiler keeps working for minutes after start, and a short warm-up
     * measures it, not Samråd. The compiler threads' share of a core in each window is noted beside
     * its rate, so that a reader can tell whether the compiler had settled too.
     */
    private void warmUp() throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> compiling = new ArrayList<>();
        long began = System.nanoTime();
        boolean steady = false;
        while (!steady && seconds(began) < settings.warmupLimit()) {
            Map<Long, Long> compilerBefore = service.compilerTicks();
            long windowBegan = System.nanoTime();
            long answered = runFor(Duration.ofSeconds(settings.warmupWindow()), WARMUP_CONCURRENCY,
                    this::enterAgreement);
            double length = seconds(windowBegan);
            rates.add(answered / length);
            compiling.add(compilerTicksSince(compilerBefore) / CLOCK_TICKS_PER_SECOND / length);
            log("warm-up window %d: %.0f commands/s, JIT compiler threads %.0f%% of a core", rates.size(),
                    rates.get(rates.size() - 1), compiling.get(compiling.size() - 1) * 100);
            if (rates.size() >= STEADY_WINDOWS) {
                DoubleSummaryStatistics last = rates.subList(rates.size() - STEADY_WINDOWS, rates.size()).stream()
                        .mapToDouble(Double::doubleValue).summaryStatistics();
                steady = last.getMax() - last.getMin() <= settings.steadiness() * last.getAverage();
            }
        }
        notes.add(fmt("Warm-up: the P1 load at concurrency %d in %d s windows until the highest and lowest rate of"
                        + " %d windows in a row differed by at most %.0f%% of their mean: %s after %.0f s (%d windows)."
                        + " Commands/s per window: %s; the JIT compiler threads' share of a core per window: %s.",
                WARMUP_CONCURRENCY, settings.warmupWindow(), STEADY_WINDOWS, settings.steadiness() * 100,
                steady ? "steady" : "**not steady**", seconds(began), rates.size(),
                rates.stream().map(rate -> fmt("%.0f", rate)).collect(Collectors.joining(", ")),
                compiling.stream().map(share -> fmt("%.0f%%", share * 100)).collect(Collectors.joining(", "))));
    }

    /** Clock ticks the service's JIT compiler threads have used since {@code before}. */
    private double compilerTicksSince(Map<Long, Long> before) throws IOException {
        return service.compilerTicks().entrySet().stream()
                .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
    }

    /** Seconds and count of answered agreement entries over HTTP, then of EnterAgreement in the command handler. */
    private double[] commandTimes() throws Exception {
        double[] totals = new double[4];
        for (String line : http.get("/q/metrics", ks).body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_sum{") && line.contains("uri=\"/api/v1/agreements\"")
                    && line.contains("method=\"POST\"") && line.contains("status=\"201\"")) {
                totals[0] += value(line);
            } else if (line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/api/v1/agreements\"")
                    && line.contains("method=\"POST\"") && line.contains("status=\"201\"")) {
                totals[1] += value(line);
            } else if (line.startsWith("samrad_commands_seconds_sum{") && line.contains("type=\"EnterAgreement\"")) {
                totals[2] += value(line);
            } else if (line.startsWith("samrad_commands_seconds_count{") && line.contains("type=\"EnterAgreement\"")) {
                totals[3] += value(line);
            }
        }
        return totals;
    }

    private static double value(String metricLine) {
        return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }

    private boolean enterAgreement(int worker) throws Exception {
        Map<String, Object> body = Map.of("title", "Benchmark P1 " + UUID.randomUUID(), "category", "WELFARE_SERVICES",
                "parties", List.of("HOD", "KS"), "enteredOn", P1_ENTRY.toString(),
                "expiresOn", P1_ENTRY.plusYears(1).toString());
        Http.Answer answer = http.post("/api/v1/agreements", ks, body);
        if (answer.status() >= 500) {
            throw new IllegalStateException("entering an agreement answered " + answer.status() + ": " + answer.body());
        }
        return answer.acknowledged();
    }

    private static boolean insertRaw(Connection connection, byte[][] row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_event"
                + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                + " payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Agreement', ?, ?, ?, '1', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, row[0]);
            insert.setBytes(4, row[1]);
            insert.setString(5, "no.samrad.agreement.api.AgreementEntered");
            insert.setString(6, Instant.now().toString());
            insert.executeUpdate();
        }
        return true;
    }

    /** The metadata and payload of a stored event of this type, as the service stored them. */
    private static byte[][] storedRow(Connection db, String payloadType) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT meta_data, payload FROM domain_event_entry"
                + " WHERE payload_type = ? ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, payloadType);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no stored " + payloadType);
                }
                return new byte[][] {result.getBytes(1), result.getBytes(2)};
            }
        }
    }

    // ------------------------------------------------------------------------------------------ P2

    private void p2LongRecordLatency() throws Exception {
        LocalDate start = LocalDate.of(2100, 1, 1);
        String longRecord = enter("Benchmark P2 long record", start).get("id").asText();
        LocalDate[] expiry = {start.plusDays(1)};
        for (int i = 1; i < 1000; i++) {
            expiry[0] = renew(longRecord, expiry[0]);
        }
        log("P2: the long record has 1,000 events");
        for (int i = 0; i < 30; i++) {
            expiry[0] = renew(longRecord, expiry[0]);
            String fresh = enter("Benchmark P2 warm-up " + i, start).get("id").asText();
            renew(fresh, start.plusDays(1));
        }
        List<Double> longP50 = new ArrayList<>();
        List<Double> longP99 = new ArrayList<>();
        List<Double> freshP50 = new ArrayList<>();
        List<Double> freshP99 = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            Stats.Latencies onLong = new Stats.Latencies();
            Stats.Latencies onFresh = new Stats.Latencies();
            for (int i = 0; i < 200; i++) {
                long began = System.nanoTime();
                expiry[0] = renew(longRecord, expiry[0]);
                onLong.add(System.nanoTime() - began);
                String fresh = enter("Benchmark P2 fresh " + round + "-" + i, start).get("id").asText();
                began = System.nanoTime();
                renew(fresh, start.plusDays(1));
                onFresh.add(System.nanoTime() - began);
            }
            longP50.add(Stats.percentile(onLong.values(), 50));
            longP99.add(Stats.percentile(onLong.values(), 99));
            freshP50.add(Stats.percentile(onFresh.values(), 50));
            freshP99.add(Stats.percentile(onFresh.values(), 99));
            log("P2 round %d: long p50 %.1f p99 %.1f ms; fresh p50 %.1f p99 %.1f ms", round + 1,
                    longP50.get(round), longP99.get(round), freshP50.get(round), freshP99.get(round));
        }
        double ratio = Stats.median(longP99) / Stats.median(freshP99);
        rows.add(row("P2", "renewal on a record of 1,000+ events, p50 / p99 ms",
                latency(longP50, longP99), "on a fresh record: " + latency(freshP50, freshP99),
                fmt("%.2f", ratio) + " (p99)", "p99 ≤ 1.25× fresh", met(ratio <= 1.25)));
    }

    private JsonNode enter(String title, LocalDate enteredOn) throws Exception {
        return http.command("/api/v1/agreements", ks, Map.of("title", title, "category", "WELFARE_SERVICES",
                "parties", List.of("HOD", "KS"), "enteredOn", enteredOn.toString(),
                "expiresOn", enteredOn.plusDays(1).toString()));
    }

    private LocalDate renew(String id, LocalDate currentExpiry) throws Exception {
        http.command("/api/v1/agreements/" + id + "/renewals", ks, Map.of("enteredOn", currentExpiry.toString(),
                "expiresOn", currentExpiry.plusDays(1).toString()));
        return currentExpiry.plusDays(1);
    }

    // ------------------------------------------------------------------------------------------ P3

    /** Seeds the records and measures the two list queries. */
    private void p3Queries(Connection db) throws Exception {
        String agreement = enter("Benchmark P3 template", LocalDate.of(2035, 6, 1)).get("id").asText();
        JsonNode meeting = http.command("/api/v1/meetings", ks, Map.of("kind", "FIRST_CONSULTATION", "date", "2099-03"));
        String meetingId = meeting.get("id").asText();
        JsonNode costCase = http.command("/api/v1/cases", ks, Map.of("kind", "COST_CALCULATION",
                "title", "Benchmark P3 kostnadsberegning", "ministries", List.of("BFD"), "meeting", meetingId,
                "reform", "Benchmarkreformen"));
        String caseId = costCase.get("id").asText();
        http.command("/api/v1/cost-cases/" + caseId + "/estimates", ministry, Map.of("amountNok", 125000000.50,
                "periodFrom", 2099, "basis", "Antall kommuner", "method", "Kostnad per kommune"));
        awaitCaughtUp();

        Seeder seeder = new Seeder(db);
        int records = settings.records();
        long began = System.nanoTime();
        long stored = seeder.copy(seeder.template(agreement), records, Set.of(), (copy, row, payload) -> {
            LocalDate entered = LocalDate.of(2030 + copy % 30, 1 + copy % 12, 1);
            payload.set("enteredOn", TextNode.valueOf(entered.toString()));
            payload.set("expiresOn", TextNode.valueOf(entered.plusYears(1).minusDays(1 + copy % 28).toString()));
            payload.set("title", TextNode.valueOf("Benchmark P3 agreement " + copy));
        });
        stored += seeder.copy(seeder.template(caseId), records, Set.of(meetingId), (copy, row, payload) -> {
            if (payload.has("caseNumber")) {
                String year = payload.get("caseNumber").asText().substring(0, 4);
                payload.set("caseNumber", TextNode.valueOf(year + "/" + String.format(Locale.ROOT, "%04d", copy + 2)));
            }
            if (payload.has("title")) {
                payload.set("title", TextNode.valueOf("Benchmark P3 cost case " + copy));
            }
        });
        double seeding = seconds(began);
        Duration chained = awaitCaughtUp();
        Duration rebuilt = rebuildEveryReadModel();
        vacuumReadModels(db);
        log("P3: stored %d events in %.1f s; the chainer linked them in %.1f s; the read models took them in a"
                + " rebuild of %.1f s", stored, seeding, chained.toMillis() / 1000.0, rebuilt.toMillis() / 1000.0);
        notes.add(fmt("Seeding: %,d agreements and %,d cost cases (%,d events) stored in %.0f s, past the commands;"
                        + " the published log's chainer linked them in %.0f s (%,.0f events/s), and the read models,"
                        + " which only a rebuild brings events stored past the commands, took them in a rebuild of"
                        + " %.0f s.", records, records, stored, seeding, chained.toMillis() / 1000.0,
                stored / Math.max(0.001, chained.toMillis() / 1000.0), rebuilt.toMillis() / 1000.0));

        int year = 2035;
        query("P3", "`GET /agreements?expiringIn=" + year + "` among " + fmt("%,d", records + 1) + " agreements",
                "/api/v1/agreements?expiringIn=" + year, () -> rawExpiring(db, year));
        query("P3", "`GET /cost-cases?status=open` among " + fmt("%,d", records + 1) + " cost cases",
                "/api/v1/cost-cases?status=open", () -> rawOpenCostCases(db));
    }

    private void query(String scenario, String what, String path, SqlCall raw) throws Exception {
        for (int i = 0; i < 50; i++) {
            get(path);
            raw.call();
        }
        List<Double> serviceP50 = new ArrayList<>();
        List<Double> serviceP99 = new ArrayList<>();
        List<Double> rawP50 = new ArrayList<>();
        List<Double> rawP99 = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            Stats.Latencies service = new Stats.Latencies();
            Stats.Latencies direct = new Stats.Latencies();
            for (int i = 0; i < 200; i++) {
                long began = System.nanoTime();
                get(path);
                service.add(System.nanoTime() - began);
                began = System.nanoTime();
                raw.call();
                direct.add(System.nanoTime() - began);
            }
            serviceP50.add(Stats.percentile(service.values(), 50));
            serviceP99.add(Stats.percentile(service.values(), 99));
            rawP50.add(Stats.percentile(direct.values(), 50));
            rawP99.add(Stats.percentile(direct.values(), 99));
            log("%s %s round %d: service p50 %.2f p99 %.2f ms; raw p50 %.2f p99 %.2f ms", scenario, path, round + 1,
                    serviceP50.get(round), serviceP99.get(round), rawP50.get(round), rawP99.get(round));
        }
        double p99 = Stats.median(serviceP99);
        double ratio = p99 / Stats.median(rawP99);
        rows.add(row(scenario, what + ", p50 / p99 ms", latency(serviceP50, serviceP99),
                "the same SQL over JDBC: " + latency(rawP50, rawP99), fmt("%.2f", ratio) + " (p99)",
                "p99 ≤ 10 ms and ≤ 2× raw", met(p99 <= 10 && ratio <= 2)));
    }

    private void get(String path) throws Exception {
        Http.Answer answer = http.get(path, ks);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
    }

    @FunctionalInterface
    private interface SqlCall {
        void call() throws SQLException;
    }

    /** What the agreement list runs: the sum of its kept counts, the page's columns, and the page's parties. */
    private static void rawExpiring(Connection db, int year) throws SQLException {
        try (PreparedStatement total = db.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM agreement_view_count"
                + " WHERE expiry_year = ? AND status IN ('ACTIVE', 'RENEGOTIATION', 'EXPIRED')");
             PreparedStatement page = db.prepareStatement("SELECT a.id, a.title, a.status, a.category, a.entered_on,"
                     + " a.expires_on, a.first_entered_year FROM agreement_view a WHERE a.expires_on BETWEEN ? AND ?"
                     + " AND a.status IN ('ACTIVE', 'RENEGOTIATION', 'EXPIRED')"
                     + " ORDER BY a.expires_on ASC NULLS LAST, a.title, a.id OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY");
             PreparedStatement parties = db.prepareStatement("SELECT agreement_id, party_code"
                     + " FROM agreement_view_party WHERE agreement_id = ANY (?) ORDER BY agreement_id, party_order")) {
            total.setInt(1, year);
            drain(total);
            page.setObject(1, LocalDate.of(year, 1, 1));
            page.setObject(2, LocalDate.of(year, 12, 31));
            parties.setArray(1, db.createArrayOf("uuid", ids(page).toArray()));
            drain(parties);
        }
    }

    /** What the cost-case list runs: the sum of its kept counts, the page's columns, and the page's estimates. */
    private static void rawOpenCostCases(Connection db) throws SQLException {
        try (PreparedStatement total = db.prepareStatement("SELECT COALESCE(SUM(n), 0) FROM cost_case_view_count"
                + " WHERE status IN ('OPENED', 'ONGOING')");
             PreparedStatement page = db.prepareStatement("SELECT c.id, c.case_number, c.title, c.ministries,"
                     + " c.reform, c.status, c.meeting_id, c.reported_on_text FROM cost_case_view c"
                     + " WHERE c.status IN ('OPENED', 'ONGOING')"
                     + " ORDER BY c.number_year, c.number_sequence OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY");
             PreparedStatement estimates = db.prepareStatement("SELECT * FROM cost_case_estimate"
                     + " WHERE case_id = ANY (?) ORDER BY case_id, estimate_order")) {
            drain(total);
            estimates.setArray(1, db.createArrayOf("uuid", ids(page).toArray()));
            drain(estimates);
        }
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
            }
        }
    }

    private static List<UUID> ids(PreparedStatement page) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet result = page.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                ids.add(result.getObject("id", UUID.class));
                for (int column = 1; column <= columns; column++) {
                    result.getObject(column);
                }
            }
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------ P4

    private void p4Rebuild(Connection db) throws Exception {
        long total = count(db, "SELECT count(*) FROM domain_event_entry");
        int records = settings.records();
        if (total < settings.events()) {
            List<String> agreements = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("SELECT aggregate_identifier FROM domain_event_entry"
                    + " WHERE payload_type = 'no.samrad.agreement.api.AgreementEntered' AND sequence_number = 0"
                    + " AND aggregate_identifier IN (SELECT aggregate_identifier FROM domain_event_entry"
                    + " GROUP BY aggregate_identifier HAVING count(*) = 1)")) {
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        agreements.add(result.getString(1));
                    }
                }
            }
            agreements = agreements.subList(0, Math.min(agreements.size(), records));
            Seeder seeder = new Seeder(db);
            Seeder.Row renewal = renewalTemplate(db, seeder);
            int perRecord = (int) Math.ceil((settings.events() - total) / (double) agreements.size());
            long began = System.nanoTime();
            long stored = seeder.append(renewal, agreements, 1, perRecord, (n, row, payload) -> {
                LocalDate entered = LocalDate.of(2060 + n, 1, 1);
                payload.set("enteredOn", TextNode.valueOf(entered.toString()));
                payload.set("expiresOn", TextNode.valueOf(entered.plusYears(1).minusDays(1).toString()));
            });
            double seeding = seconds(began);
            Duration chained = awaitCaughtUp();
            log("P4: stored %d renewals in %.1f s; the chainer linked them in %.1f s", stored, seeding,
                    chained.toMillis() / 1000.0);
            notes.add(fmt("P4 seeding: %,d renewals of those agreements (%d each) stored in %.0f s; the published"
                    + " log's chainer linked them in %.0f s, %,.0f events/s.", stored, perRecord, seeding,
                    chained.toMillis() / 1000.0, stored / Math.max(0.001, chained.toMillis() / 1000.0)));
            total = count(db, "SELECT count(*) FROM domain_event_entry");
        }

        List<Double> raw = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            long began = System.nanoTime();
            long scanned = rawScan(db);
            raw.add(scanned / seconds(began));
            log("P4 raw scan round %d: %d events at %.0f/s", round + 1, scanned, raw.get(round));
        }
        double rawRate = Stats.median(raw);

        List<Double> rates = new ArrayList<>();
        List<Double> durations = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            double elapsed = rebuildEveryReadModel().toMillis() / 1000.0;
            durations.add(elapsed);
            rates.add(total / elapsed);
            log("P4 rebuild of every read model, round %d: %d events in %.1f s, %.0f/s", round + 1, total, elapsed,
                    rates.get(round));
        }
        vacuumReadModels(db);
        double rate = Stats.median(rates);
        rows.add(row("P4", "rebuild of every read model in one pass from " + fmt("%,d", total)
                        + " events, events/s of history", fmt("%,.0f", rate) + " (" + Stats.spread(durations, "%.0f")
                        + " s)", "raw scan parsing each payload: " + fmt("%,.0f", rawRate) + "/s ("
                        + Stats.spread(raw, "%,.0f") + ")", fmt("%.3f", rate / rawRate), "≥ 0.5 of raw scan",
                met(rate / rawRate >= 0.5)));
    }

    /** Rebuilds every read model in one pass through the admin endpoint and waits until it is done. */
    private Duration rebuildEveryReadModel() throws Exception {
        long began = System.nanoTime();
        Http.Answer started = http.post("/api/v1/admin/projections/rebuild", admin, null);
        if (started.status() != 202) {
            throw new IllegalStateException("the rebuild answered " + started.status() + ": " + started.body());
        }
        awaitRebuild("agreements");
        awaitNoRebuildRunning();
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private Seeder.Row renewalTemplate(Connection db, Seeder seeder) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT aggregate_identifier, sequence_number"
                + " FROM domain_event_entry WHERE payload_type = 'no.samrad.agreement.api.AgreementRenewed'"
                + " ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY")) {
            try (ResultSet result = select.executeQuery()) {
                result.next();
                String id = result.getString(1);
                long sequence = result.getLong(2);
                return seeder.template(id).stream().filter(row -> row.sequence() == sequence).findFirst()
                        .orElseThrow();
            }
        }
    }

    private static long rawScan(Connection db) throws SQLException, IOException {
        long scanned = 0;
        db.setAutoCommit(false);
        try (PreparedStatement scan = db.prepareStatement("SELECT global_index, payload_type, payload"
                + " FROM domain_event_entry ORDER BY global_index")) {
            scan.setFetchSize(1000);
            try (ResultSet result = scan.executeQuery()) {
                while (result.next()) {
                    result.getLong(1);
                    result.getString(2);
                    if (Http.JSON.readTree(result.getBytes(3)).isMissingNode()) {
                        throw new IllegalStateException("an empty payload");
                    }
                    scanned++;
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
        return scanned;
    }

    /** Waits until no read model's rebuild is running: one pass ends for all its models together. */
    private void awaitNoRebuildRunning() throws Exception {
        boolean running = true;
        while (running) {
            running = false;
            for (JsonNode model : http.get("/api/v1/admin/projections", admin).json()) {
                running |= "RUNNING".equals(model.path("rebuild").path("state").asText());
            }
            if (running) {
                Thread.sleep(100);
            }
        }
    }

    private JsonNode awaitRebuild(String name) throws Exception {
        while (true) {
            for (JsonNode model : http.get("/api/v1/admin/projections", admin).json()) {
                if (model.get("name").asText().equals(name)) {
                    String state = model.path("rebuild").path("state").asText();
                    if (state.equals("DONE")) {
                        return model.get("rebuild");
                    }
                    if (state.equals("FAILED")) {
                        throw new IllegalStateException("rebuild of " + name + " failed: " + model);
                    }
                }
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------------------------------ P5

    private void p5StartAndMemory(Duration firstStart) throws Exception {
        List<Double> starts = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            try (Service restarted = new Service(settings.jar(), settings.work(), serviceEnvironment(), List.of())) {
                starts.add(restarted.start().toMillis() / 1000.0);
                Thread.sleep(10_000);
                memory.add(restarted.residentBytes() / 1024.0 / 1024.0);
            }
            log("P5 round %d: ready in %.2f s, %.0f MB resident when idle", round + 1, starts.get(round),
                    memory.get(round));
        }
        double start = Stats.median(starts);
        double rss = Stats.median(memory);
        rows.add(row("P5", "start to ready of `java -jar`, s (store of " + fmt("%,d", settings.events())
                        + " events)", fmt("%.2f", start) + " (" + Stats.spread(starts, "%.2f") + ")",
                "first start on an empty database: " + fmt("%.2f", firstStart.toMillis() / 1000.0) + " s", "",
                "≤ 2 s", met(start <= 2)));
        rows.add(row("P5", "resident memory after 10 s idle, MB", fmt("%.0f", rss) + " (" + Stats.spread(memory, "%.0f")
                + ")", "", "", "≤ 256 MB", met(rss <= 256)));
    }

    // ------------------------------------------------------------------------------------------ P8

    /**
     * Seconds spent extending the Merkle tree, seconds spent chaining batches (the tree's share
     * included), and events chained, from Samråd's own metrics.
     */
    private double[] treeTimes() throws Exception {
        double[] totals = new double[3];
        for (String line : http.get("/q/metrics", ks).body().split("\n")) {
            if (line.startsWith("samrad_audit_tree_extensions_seconds_sum")) {
                totals[0] += value(line);
            } else if (line.startsWith("samrad_audit_chain_batches_seconds_sum")) {
                totals[1] += value(line);
            } else if (line.startsWith("samrad_audit_chain_events_total")) {
                totals[2] += value(line);
            }
        }
        return totals;
    }

    /**
     * Proofs from the stored tree of the whole log (a million events and more, after P4): the
     * latency of an inclusion proof of a random event and of a consistency proof from a random size
     * to the newest checkpoint, against reading one event of the feed by its position. And what
     * keeping the tree cost the chainer during P1, from its own timers.
     */
    private void p8Proofs(double[] treeBefore, double[] treeAfter) throws Exception {
        awaitCaughtUp();
        Http.Answer signed = http.post("/api/v1/audit/checkpoints", admin, null);
        if (signed.status() != 200) {
            throw new IllegalStateException("signing a checkpoint answered " + signed.status() + ": " + signed.body());
        }
        long size = Http.JSON.readTree(signed.body()).get("position").asLong();
        java.util.Random random = new java.util.Random(17);
        int requests = 1000;
        for (int i = 0; i < 200; i++) {
            proof("/api/v1/audit/proofs/inclusion?position=" + (1 + random.nextInt((int) size)));
            proof("/api/v1/audit/proofs/consistency?from=" + (1 + random.nextInt((int) size)));
            proof("/api/v1/events?limit=1&after=" + random.nextInt((int) size));
        }
        List<Double> inclusionP50 = new ArrayList<>();
        List<Double> inclusionP99 = new ArrayList<>();
        List<Double> consistencyP50 = new ArrayList<>();
        List<Double> consistencyP99 = new ArrayList<>();
        List<Double> feedP50 = new ArrayList<>();
        List<Double> feedP99 = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            Stats.Latencies inclusion = new Stats.Latencies();
            Stats.Latencies consistency = new Stats.Latencies();
            Stats.Latencies feed = new Stats.Latencies();
            for (int i = 0; i < requests; i++) {
                inclusion.add(proof("/api/v1/audit/proofs/inclusion?position=" + (1 + random.nextInt((int) size))));
                consistency.add(proof("/api/v1/audit/proofs/consistency?from=" + (1 + random.nextInt((int) size))));
                feed.add(proof("/api/v1/events?limit=1&after=" + random.nextInt((int) size)));
            }
            inclusionP50.add(Stats.percentile(inclusion.values(), 50));
            inclusionP99.add(Stats.percentile(inclusion.values(), 99));
            consistencyP50.add(Stats.percentile(consistency.values(), 50));
            consistencyP99.add(Stats.percentile(consistency.values(), 99));
            feedP50.add(Stats.percentile(feed.values(), 50));
            feedP99.add(Stats.percentile(feed.values(), 99));
            log("P8 round %d: inclusion p99 %.1f ms, consistency p99 %.1f ms, one feed event p99 %.1f ms", round + 1,
                    inclusionP99.get(round), consistencyP99.get(round), feedP99.get(round));
        }
        String feedLatency = "one event of the feed by position: " + latency(feedP50, feedP99);
        double feedP99Median = Stats.median(feedP99);
        rows.add(row("P8", "inclusion proof of a random event in the tree of " + fmt("%,d", size)
                        + " events, p50 / p99 ms", latency(inclusionP50, inclusionP99), feedLatency,
                fmt("%.2f", Stats.median(inclusionP99) / feedP99Median), "p99 ≤ 10 ms",
                met(Stats.median(inclusionP99) <= 10)));
        rows.add(row("P8", "consistency proof from a random size to " + fmt("%,d", size) + ", p50 / p99 ms",
                latency(consistencyP50, consistencyP99), feedLatency,
                fmt("%.2f", Stats.median(consistencyP99) / feedP99Median), "p99 ≤ 10 ms",
                met(Stats.median(consistencyP99) <= 10)));
        double events = treeAfter[2] - treeBefore[2];
        double treeMillis = (treeAfter[0] - treeBefore[0]) / Math.max(1, events) * 1000;
        double batchMillis = (treeAfter[1] - treeBefore[1]) / Math.max(1, events) * 1000;
        rows.add(row("P8", "keeping the Merkle tree during P1: ms per chained event", fmt("%.3f", treeMillis),
                "the chainer's whole batch: " + fmt("%.3f", batchMillis) + " ms per event", fmt("%.2f",
                        treeMillis / batchMillis), "none: its share of the chainer's time", "—"));
        notes.add(fmt("P8's proofs were asked one at a time, %d of each kind a round after 200 of each to warm up;"
                        + " during P1 the chainer chained %,.0f events and spent %.1f s extending the tree, of %.1f s"
                        + " in its batches.", requests, events, treeAfter[0] - treeBefore[0],
                treeAfter[1] - treeBefore[1]));
    }

    private long proof(String path) throws Exception {
        long began = System.nanoTime();
        get(path);
        return System.nanoTime() - began;
    }

    // ------------------------------------------------------------------------------------------ P7

    /**
     * Create commands/s at concurrency 32 with two instances on the one database against one
     * instance, in alternating rounds of the same run. The second instance is warmed up on its own
     * first, so that its JIT compiler is not measured. On a machine of two cores the two instances
     * share those cores with each other and with PostgreSQL: the figure is the cost of the
     * coordination (the second instance's share of the cores, the one database's commits), not the
     * speed-up that instances on machines of their own would give.
     */
    private void p7TwoInstances() throws Exception {
        Path secondWork = settings.work().resolve("second");
        Files.createDirectories(secondWork);
        try (Service second = new Service(settings.jar(), secondWork, serviceEnvironment(), List.of())) {
            second.start();
            Http secondHttp = new Http(second.base());
            long warm = runFor(Duration.ofSeconds(P7_WARMUP_SECONDS), P7_CONCURRENCY,
                    worker -> enterAgreementOn(secondHttp));
            log("P7: the second instance warmed up with %d commands in %d s", warm, P7_WARMUP_SECONDS);
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            for (int round = 0; round < settings.rounds(); round++) {
                one.add(runFor(Duration.ofSeconds(settings.seconds()), P7_CONCURRENCY,
                        worker -> enterAgreementOn(http)) / (double) settings.seconds());
                two.add(runFor(Duration.ofSeconds(settings.seconds()), P7_CONCURRENCY,
                        worker -> enterAgreementOn(worker % 2 == 0 ? http : secondHttp))
                        / (double) settings.seconds());
                log("P7 round %d: one instance %.0f/s, two instances %.0f/s", round + 1, one.get(round),
                        two.get(round));
            }
            double alone = Stats.median(one);
            double together = Stats.median(two);
            rows.add(row("P7", "create commands/s over HTTP, concurrency " + P7_CONCURRENCY
                            + ", two instances on one database (half the writers each)",
                    fmt("%.0f", together) + " (" + Stats.spread(two, "%.0f") + ")",
                    "one instance: " + fmt("%.0f", alone) + " (" + Stats.spread(one, "%.0f") + ")",
                    fmt("%.2f", together / alone), "none: on two cores it shows the cost of coordination", "—"));
            notes.add(fmt("P7 ran both instances and PostgreSQL on this machine's cores; the second instance was"
                    + " warmed up for %d s first (%d commands). With instances on machines of their own, the limit"
                    + " is the one database's commit rate (raw JDBC inserts/s in P1).", P7_WARMUP_SECONDS, warm));
        }
    }

    private static boolean enterAgreementOn(Http target, String token) throws Exception {
        Map<String, Object> body = Map.of("title", "Benchmark P7 " + UUID.randomUUID(), "category",
                "WELFARE_SERVICES", "parties", List.of("HOD", "KS"), "enteredOn", P1_ENTRY.toString(),
                "expiresOn", P1_ENTRY.plusYears(1).toString());
        Http.Answer answer = target.post("/api/v1/agreements", token, body);
        if (answer.status() >= 500) {
            throw new IllegalStateException("entering an agreement answered " + answer.status() + ": " + answer.body());
        }
        return answer.acknowledged();
    }

    private boolean enterAgreementOn(Http target) throws Exception {
        return enterAgreementOn(target, ks);
    }

    // ------------------------------------------------------------------------------------- plumbing

    /** Runs {@code workers} threads doing {@code work} until the time is up; answers how many succeeded. */
    private static long runFor(Duration length, int workers, Work work) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int worker = i;
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (work.run(worker)) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return done.get();
    }

    @FunctionalInterface
    private interface Work {
        boolean run(int worker) throws Exception;
    }

    /** Waits until every processor, the published log's included, has reached the newest event. */
    private Duration awaitCaughtUp() throws Exception {
        long began = System.nanoTime();
        while (true) {
            boolean caughtUp = true;
            for (JsonNode model : http.get("/api/v1/admin/projections", admin).json()) {
                caughtUp &= model.get("lagEvents").asLong() == 0;
            }
            if (caughtUp) {
                return Duration.ofNanos(System.nanoTime() - began);
            }
            Thread.sleep(200);
        }
    }

    /**
     * After a bulk load, as an operator would (and autovacuum would, in its own time): fresh
     * planner statistics and visibility maps for the read-model tables.
     */
    private static void vacuumReadModels(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String table : List.of("agreement_view", "agreement_view_party", "agreement_view_term",
                    "agreement_view_count", "cost_case_view", "cost_case_estimate", "cost_case_view_count", "case_view",
                    "domain_event_entry")) {
                statement.execute("VACUUM (ANALYZE) " + table);
            }
        }
    }

    private Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl(settings.database()),
                "QUARKUS_DATASOURCE_USERNAME", settings.user(),
                "QUARKUS_DATASOURCE_PASSWORD", settings.password(),
                "SAMRAD_DEMO_DATA", "false",
                "SAMRAD_AUDIT_KEYS", settings.work().resolve("keys/audit").toString(),
                "SAMRAD_AUTH_LOCAL_ISSUER_KEYS", settings.work().resolve("keys/issuer").toString());
    }

    private void recreateDatabase() throws SQLException {
        try (Connection postgres = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.user(),
                settings.password()); Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + settings.database());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(settings.database()), settings.user(), settings.password());
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static double seconds(long beganNanos) {
        return (System.nanoTime() - beganNanos) / 1e9;
    }

    private static String latency(List<Double> p50, List<Double> p99) {
        return fmt("%.1f", Stats.median(p50)) + " / " + fmt("%.1f", Stats.median(p99)) + " (p99 "
                + Stats.spread(p99, "%.1f") + ")";
    }

    private static String met(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String row(String scenario, String what, String measured, String baseline, String ratio,
                              String target, String verdict) {
        return "| " + String.join(" | ", scenario, what, measured, baseline, ratio, target, verdict) + " |";
    }

    private static String fmt(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private static void log(String format, Object... values) {
        System.out.println("[bench " + DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()) + "] "
                + fmt(format, values));
    }

    private void writeReport() throws IOException, SQLException {
        StringBuilder table = new StringBuilder();
        table.append("Measured ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toLocalDateTime())).append(" UTC on ")
                .append(Machine.describe(settings.jdbcUrl(settings.database()), settings.user(), settings.password()))
                .append(". ").append(settings.rounds()).append(" rounds after a warm-up; figures are medians of the"
                        + " rounds, with the spread of the rounds in brackets.\n\n");
        table.append("| | scenario | Samråd | baseline, same run | ratio | target | |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append(row).append('\n'));
        chainRows.forEach(row -> table.append(row).append('\n'));
        table.append('\n');
        notes.forEach(note -> table.append("- ").append(note).append('\n'));
        Path report = settings.report();
        String document = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        String begin = "<!-- bench:begin -->";
        String end = "<!-- bench:end -->";
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        String updated = from < 0 || to < from
                ? document + "\n" + begin + "\n" + table + end + "\n"
                : document.substring(0, from + begin.length()) + "\n" + table + document.substring(to);
        Files.writeString(report, updated, StandardCharsets.UTF_8);
        log("wrote %s", report);
        System.out.println(table);
    }
}
