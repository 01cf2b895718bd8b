package dev.fxalert.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda function's execution environment: a child JVM with exactly the environment given (the template's,
 * resolved, plus what Lambda itself sets), running {@link LambdaRuntimeLoop} against this Runtime API server.
 * {@link #invoke} hands it one event and waits for the response, as a synchronous Lambda invocation does.
 * Its standard output (the function's logs) goes to a file next to the other test output.
 */
final class FunctionContainer implements AutoCloseable {

    /** What the function returned, or the error document when it failed ({@code X-Amz-Function-Error}). */
    record Result(boolean failed, String payload) {
    }

    private static final long INVOKE_TIMEOUT_SECONDS = 120;

    private final String name;
    private final String invokedArn;
    private final Path log;
    private final HttpServer runtimeApi;
    private final BlockingQueue<String[]> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> waiting = new ConcurrentHashMap<>();
    private final Process process;
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();

    FunctionContainer(String name, String invokedArn, Map<String, String> environment, Path logDirectory) {
        this.name = name;
        this.invokedArn = invokedArn;
        try {
            runtimeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            runtimeApi.createContext("/2018-06-01/runtime/", this::runtimeApi);
            runtimeApi.setExecutor(Executors.newCachedThreadPool());
            runtimeApi.start();
            Files.createDirectories(logDirectory);
            log = logDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", classPath(), LambdaRuntimeLoop.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Invokes the function with {@code event} (JSON) and waits for it to answer. */
    Result invoke(String event) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Result> result = new CompletableFuture<>();
        waiting.put(requestId, result);
        pending.add(new String[] {requestId, event});
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(INVOKE_TIMEOUT_SECONDS);
            while (true) {
                try {
                    return result.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException notYet) {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log + "\n" + tail());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(name + " did not answer within " + INVOKE_TIMEOUT_SECONDS + " s; see " + log);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(name + ": " + e.getCause().getMessage() + "\n" + tail(), e.getCause());
        } finally {
            waiting.remove(requestId);
        }
    }

    /** Waits until the runtime has finished init (created the handler) and asks for its first event. */
    void awaitInitialized() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(INVOKE_TIMEOUT_SECONDS);
        while (!initialized.isDone()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not finish init; see " + log + "\n" + tail());
            }
            try {
                initialized.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notYet) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The function's output so far (its log lines). */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String all = output();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    private void runtimeApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/2018-06-01/runtime/".length());
            if (path.equals("invocation/next")) {
                initialized.complete(null);
                String[] next = pending.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next[0]);
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", invokedArn);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000)); // the longest Timeout in the template
                byte[] body = next[1].getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("init/error")) {
                waiting.values().forEach(future -> future.completeExceptionally(new AssertionError("init failed: " + body)));
            } else if (path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                CompletableFuture<Result> future = waiting.get(parts[1]);
                if (future != null) {
                    future.complete(new Result(parts[2].equals("error"), body));
                }
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtimeApi.stop(0);
    }
}
