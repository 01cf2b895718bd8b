package dev.fxalert.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real DynamoDB API server for tests: dynalite (npm, pinned in {@code tools/package.json}) run with {@code node}
 * on a free loopback port, in memory, and stopped (with its process tree) afterwards.
 * <p>
 * As a JUnit 5 extension: {@code @RegisterExtension static final Dynalite DYNALITE = new Dynalite();} starts one
 * server per test class. Outside JUnit: {@code try (Dynalite d = new Dynalite().start()) { ... }}.
 * Fails (never skips) with a message saying how to install it when node or dynalite is missing.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final String INSTALL_HINT = "run `npm ci --prefix tools` in the project root (needs Node 20+)";
    private static final Path RELATIVE_CLI = Path.of("tools", "node_modules", "dynalite", "cli.js");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private Process process;
    private int port;
    private DynamoDbClient client;
    private Thread shutdownHook;

    /** Starts the server unless it is already running; returns this. */
    public synchronized Dynalite start() {
        if (process != null) {
            return this;
        }
        Path cli = findCli(Path.of("").toAbsolutePath());
        String node = findNode();
        port = freeLoopbackPort();
        ProcessBuilder builder = new ProcessBuilder(node, cli.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start dynalite with " + node + ": " + INSTALL_HINT, e);
        }
        shutdownHook = new Thread(this::stopProcess, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitListening();
        return this;
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public URI endpoint() {
        requireStarted();
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client for this server (dummy credentials, us-east-1); closed with the server. */
    public synchronized DynamoDbClient client() {
        requireStarted();
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** A new client for this server; the caller closes it. */
    public DynamoDbClient newClient() {
        requireStarted();
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** A table name no other test uses, so tests sharing one server never see each other's items. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook itself is stopping the process
            }
            shutdownHook = null;
        }
    }

    private synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                stopProcess();
                throw new IllegalStateException("dynalite exited with code " + exit + " on start; " + INSTALL_HINT);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        stopProcess();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }

    /** Walks up from {@code start} to the project root that holds tools/node_modules/dynalite. */
    static Path findCli(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path bin = dir.resolve(Path.of("tools", "node_modules", ".bin", "dynalite"));
            Path cli = dir.resolve(RELATIVE_CLI);
            if (Files.exists(bin) && Files.isRegularFile(cli)) {
                return cli;
            }
        }
        throw new IllegalStateException("dynalite is not installed (no tools/node_modules/.bin/dynalite above "
                + start + "): " + INSTALL_HINT);
    }

    private static String findNode() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : List.of("node", "node.exe")) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate.toString();
                    }
                }
            }
        }
        throw new IllegalStateException("node is not on the PATH, the DynamoDB tests need it: " + INSTALL_HINT);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("dynalite is not started; call start() or register it as an extension");
        }
    }
}
