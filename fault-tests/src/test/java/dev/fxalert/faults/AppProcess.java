package dev.fxalert.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged local app ({@code java -jar bot/target/fx-alert-bot.jar}) as a separate process, configured only
 * through the environment names of .env.example, pointed at the fakes. One database file survives restarts;
 * each start appends the process's stdout and stderr to {@code target/fault-logs/<scenario>.log}.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_TOKEN = "fault-suite-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String scenario;
    private final Map<String, String> env = new HashMap<>();
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int port;
    private int starts;

    AppProcess(String scenario, FakeTelegram telegram, FakeProviders providers, Path dataDir) {
        this.scenario = scenario;
        Path logDir = Path.of(System.getProperty("fault.logDir", "target/fault-logs"));
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = logDir.resolve(scenario + ".log");
        try {
            Files.deleteIfExists(log); // one run's starts only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.baseUrl());
        env.put("FRANKFURTER_BASE_URL", providers.frankfurterUrl());
        env.put("OPEN_ER_API_BASE_URL", providers.openErUrl());
        env.put("KOREAEXIM_BASE_URL", providers.frankfurterUrl()); // unused without KOREAEXIM_AUTHKEY
        env.put("INGESTION_PROVIDERS", "frankfurter,open-er-api");
        // The fake providers change an already published table in place; ask on every run, as before.
        env.put("SCHEDULE_BY_PUBLICATION", "false");
        env.put("FX_ALERT_DB_PATH", dataDir.resolve("fx-alert.db").toString());
        env.put("ADMIN_API_TOKEN", ADMIN_TOKEN);
        // Ingestion runs when a scenario says so (admin API); the schedule stays out of the way.
        env.put("INGESTION_INTERVAL", "PT1H");
        // Pushes left pending by a stop are swept within seconds, not minutes.
        env.put("SWEEP_GRACE_SECONDS", "2");
        env.put("PENDING_PUSH_SWEEP_INTERVAL", "PT1S");
        env.put("PROVIDER_MAX_ATTEMPTS", "1");
    }

    AppProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Starts the app and waits (bounded) until its health endpoint says UP. */
    void start() throws Exception {
        port = freePort();
        starts++;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of(System.getProperty("fault.botJar", "../bot/target/fx-alert-bot.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the bot first (./mvnw -pl bot -am package)");
        }
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        Files.writeString(log, "\n===== start " + starts + " of " + scenario + " on port " + port + " =====\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        Deadline.await("app healthy (see " + log + ")", Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("app exited with " + process.exitValue() + " during start; see " + log);
            }
            return healthy();
        });
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** kill -9: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("app did not die after kill -9");
        }
    }

    /** SIGTERM, then waits (bounded) for the app's own graceful shutdown; returns the exit code. */
    int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            throw new IllegalStateException("app did not stop within " + grace + " after SIGTERM; killed");
        }
        return process.exitValue();
    }

    /** POST /admin/ingestion/run, without waiting for its answer (a fan-out may outlive the process). */
    CompletableFuture<HttpResponse<String>> runIngestionAsync() {
        return http.sendAsync(admin("/admin/ingestion/run").POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /admin/ingestion/run and its report. */
    JsonNode runIngestion() throws Exception {
        HttpResponse<String> response = runIngestionAsync().get(3, TimeUnit.MINUTES);
        return JSON.readTree(response.body());
    }

    /** Every alert in the store, through GET /admin/alerts (all pages). */
    List<JsonNode> alerts() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/admin/alerts?limit=100" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(admin(path).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    Path log() {
        return log;
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Always safe: kills the process if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
