package dev.fxalert.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.fxalert.infra.ResolvedPolicy.Call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback stand-ins for the services the three functions call, one small HTTP server per service, speaking each
 * service's real wire protocol (the AWS SDK is pointed at them with the standard {@code AWS_ENDPOINT_URL_<SERVICE>}
 * variables): DynamoDB (a recording proxy in front of dynalite), Secrets Manager, EventBridge, Scheduler, Lambda,
 * plus the Telegram Bot API and a Frankfurter rate provider.
 * <p>
 * Every AWS call is recorded as IAM sees it (caller, action, resource ARN) and checked against the caller's role
 * from the template: the caller is the access key id of its signature (each function runs with its own), and a
 * call the role does not allow is refused with AccessDeniedException, as AWS would.
 */
final class AwsStandIns implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");

    /**
     * A Telegram Bot API request: the token in its path, the method and its JSON parameters; {@code inResponse} when
     * the webhook handed it back in its HTTP response for Telegram to execute, rather than calling out.
     */
    record TelegramCall(String token, String method, JsonNode body, boolean inResponse) {
    }

    /** A PutEvents entry as the bus accepted it, with the id and time EventBridge gave it. */
    record PutEntry(String eventId, Instant time, String busArn, JsonNode entry) {
    }

    private final String region;
    private final String account;
    private final URI dynalite;
    private final HttpClient forward = HttpClient.newHttpClient();
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, ResolvedPolicy> policyOfKey = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> denied = new CopyOnWriteArrayList<>();
    private final Map<String, String> secretValues = new ConcurrentHashMap<>();
    private final List<PutEntry> putEntries = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> schedules = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> functions = new ConcurrentHashMap<>();
    private final List<TelegramCall> telegramCalls = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(1000);
    private volatile String telegramToken;
    private volatile boolean dynamoDbDown;
    private final java.util.Set<Long> blockedChats = ConcurrentHashMap.newKeySet();
    /** Group chats Telegram upgraded to supergroups: a sendMessage to the key answers 400 with the new id. */
    private final Map<Long, Long> migratedChats = new ConcurrentHashMap<>();
    /** Chats where the bot may no longer write: a sendMessage answers 400 (not "chat not found"). */
    private final java.util.Set<Long> readOnlyChats = ConcurrentHashMap.newKeySet();
    /** Asynchronous invocations (InvocationType Event): one queue per function, as reserved concurrency 1 runs them. */
    private final Map<String, ExecutorService> eventQueues = new ConcurrentHashMap<>();
    private final Object eventsLock = new Object();
    private int eventsInFlight;
    private final List<String> failedEvents = new CopyOnWriteArrayList<>();
    private final Map<String, String> frankfurterRates = new ConcurrentHashMap<>();

    AwsStandIns(String region, String account, URI dynalite) {
        this.region = region;
        this.account = account;
        this.dynalite = dynalite;
        serve("dynamodb", this::dynamoDb);
        serve("secretsmanager", this::secretsManager);
        serve("events", this::eventBridge);
        serve("scheduler", this::scheduler);
        serve("lambda", this::lambda);
        serve("telegram", this::telegram);
        serve("frankfurter", this::frankfurter);
    }

    /** The endpoint variables the AWS SDK v2 reads, pointing at these stand-ins. */
    Map<String, String> sdkEndpointVariables() {
        return Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", urls.get("dynamodb"),
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", urls.get("secretsmanager"),
                "AWS_ENDPOINT_URL_EVENTBRIDGE", urls.get("events"),
                "AWS_ENDPOINT_URL_SCHEDULER", urls.get("scheduler"),
                "AWS_ENDPOINT_URL_LAMBDA", urls.get("lambda"));
    }

    String url(String service) {
        return urls.get(service);
    }

    /** Calls signed with {@code accessKeyId} are checked against {@code policy}. */
    void principal(String accessKeyId, ResolvedPolicy policy) {
        policyOfKey.put(accessKeyId, policy);
    }

    void secret(String arn, String value) {
        secretValues.put(arn, value);
    }

    void schedule(ObjectNode schedule) {
        schedules.put(schedule.get("Arn").asText(), schedule);
    }

    ObjectNode schedule(String arn) {
        return schedules.get(arn);
    }

    /** Loses a schedule, as if it had never been created (issue 15: a digest time stored before its schedule). */
    void forgetSchedule(String arn) {
        schedules.remove(arn);
    }

    /** What Lambda Invoke of {@code arn} (the qualified ARN) runs: payload in, payload out. */
    void function(String arn, UnaryOperator<String> invoke) {
        functions.put(arn, invoke);
    }

    /**
     * What Telegram does with a webhook's JSON response: executes the method it names as the bot whose webhook
     * answered (so no token travels), reporting the outcome to no one. Recorded in order with the calls.
     */
    void webhookResponse(JsonNode method) {
        telegramCalls.add(new TelegramCall(telegramToken, method.path("method").asText().toLowerCase(java.util.Locale.ROOT),
                method, true));
    }

    void telegramToken(String token) {
        this.telegramToken = token;
    }

    /** While down, every DynamoDB call answers 400 AccessDeniedException (not retried), as after a bad IAM change. */
    void dynamoDbDown(boolean down) {
        this.dynamoDbDown = down;
    }

    /** From now on, messages to {@code chat} fail with 403 as when the user blocked the bot. */
    void blockChat(long chat) {
        blockedChats.add(chat);
    }

    /** Telegram upgraded group {@code chat} to a supergroup {@code newChat}. */
    void migrateChat(long chat, long newChat) {
        migratedChats.put(chat, newChat);
    }

    /** The bot lost the right to write in {@code chat}. */
    void readOnlyChat(long chat) {
        readOnlyChats.add(chat);
    }

    /**
     * Waits until every asynchronous invocation queued so far, and every one those queued in turn, has returned
     * (Lambda runs them after the caller's own call has returned; the flow's assertions need them done).
     */
    void awaitEventInvocations() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        synchronized (eventsLock) {
            while (eventsInFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(eventsInFlight + " asynchronous invocations still running");
                }
                try {
                    eventsLock.wait(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Asynchronous invocations that failed (Lambda would retry them, then send them to the failure destination). */
    List<String> failedEvents() {
        return List.copyOf(failedEvents);
    }

    void unblockChat(long chat) {
        blockedChats.remove(chat);
    }

    void frankfurterRate(String base, String quote, String rate) {
        frankfurterRates.put(base + "/" + quote, rate);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> denied() {
        return List.copyOf(denied);
    }

    List<PutEntry> putEntries() {
        return List.copyOf(putEntries);
    }

    List<TelegramCall> telegramCalls() {
        return List.copyOf(telegramCalls);
    }

    List<TelegramCall> sentMessages() {
        return telegramCalls().stream().filter(call -> call.method().equals("sendmessage")).toList();
    }

    // ------------------------------------------------------------------ services

    private void dynamoDb(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target.substring(target.indexOf('.') + 1);
        JsonNode request = JSON.readTree(body);
        List<String> resources = new ArrayList<>();
        if (request.has("TableName")) {
            resources.add(tableArn(request.get("TableName").asText())
                    + (request.has("IndexName") ? "/index/" + request.get("IndexName").asText() : ""));
        }
        request.path("RequestItems").fieldNames().forEachRemaining(table -> resources.add(tableArn(table)));
        request.path("TransactItems").forEach(item -> item.forEach(op -> resources.add(tableArn(op.get("TableName").asText()))));
        for (String resource : resources) {
            if (!authorize(exchange, "dynamodb:" + operation, resource)) {
                return;
            }
        }
        if (dynamoDbDown) {
            json(exchange, 400, Map.of("__type", "com.amazon.coral.service#AccessDeniedException", "message", "injected fault"));
            return;
        }
        HttpRequest.Builder proxied = HttpRequest.newBuilder(dynalite.resolve(exchange.getRequestURI()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Authorization", "X-Amz-Date", "X-Amz-Target", "Content-Type", "X-Amz-Security-Token")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                proxied.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = forward.send(proxied.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            response.headers().firstValue("x-amz-crc32").ifPresent(crc -> exchange.getResponseHeaders().add("x-amz-crc32", crc));
            send(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void secretsManager(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String secretId = request.path("SecretId").asText();
        if (!authorize(exchange, "secretsmanager:GetSecretValue", secretId)) {
            return;
        }
        String value = secretValues.get(secretId);
        if (value == null) {
            json(exchange, 400, Map.of("__type", "ResourceNotFoundException", "message", "Secrets Manager can't find the specified secret."));
            return;
        }
        json(exchange, 200, Map.of("ARN", secretId, "Name", secretId.substring(secretId.lastIndexOf(':') + 1),
                "SecretString", value, "VersionId", UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString(),
                "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.7e9));
    }

    private void eventBridge(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        List<PutEntry> accepted = new ArrayList<>();
        for (JsonNode entry : request.path("Entries")) {
            String bus = entry.path("EventBusName").asText("default");
            String busArn = bus.startsWith("arn:") ? bus : "arn:aws:events:" + region + ":" + account + ":event-bus/" + bus;
            if (!authorize(exchange, "events:PutEvents", busArn)) {
                return;
            }
            Instant time = entry.hasNonNull("Time") ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000)) : Instant.now();
            accepted.add(new PutEntry(UUID.randomUUID().toString(), time, busArn, entry));
        }
        putEntries.addAll(accepted);
        json(exchange, 200, Map.of("FailedEntryCount", 0,
                "Entries", accepted.stream().map(entry -> Map.of("EventId", entry.eventId())).toList()));
    }

    private void scheduler(HttpExchange exchange) throws IOException {
        Matcher path = Pattern.compile("/schedules/([^/?]+)").matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            json(exchange, 404, Map.of("Message", "unknown path"));
            return;
        }
        String name = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        // GetSchedule and DeleteSchedule name the group in the query string, CreateSchedule and UpdateSchedule in
        // the body.
        String group = method.equals("PUT") || method.equals("POST") ? JSON.readTree(body).path("GroupName").asText(null)
                : query(exchange.getRequestURI(), "groupName");
        String arn = "arn:aws:scheduler:" + region + ":" + account + ":schedule/" + (group == null ? "default" : group) + "/" + name;
        if (method.equals("GET")) {
            if (!authorize(exchange, "scheduler:GetSchedule", arn)) {
                return;
            }
            ObjectNode schedule = schedules.get(arn);
            if (schedule == null) {
                json(exchange, 404, Map.of("Message", "Schedule " + name + " does not exist."));
            } else {
                json(exchange, 200, schedule);
            }
        } else if (method.equals("PUT")) {
            ObjectNode update = (ObjectNode) JSON.readTree(body);
            if (!authorize(exchange, "scheduler:UpdateSchedule", arn)
                    || !authorize(exchange, "iam:PassRole", update.path("Target").path("RoleArn").asText())) {
                return;
            }
            ObjectNode schedule = schedules.get(arn);
            if (schedule == null) {
                json(exchange, 404, Map.of("Message", "Schedule " + name + " does not exist."));
                return;
            }
            // UpdateSchedule replaces the whole schedule, as Scheduler does (what is left out is reset).
            update.remove("ClientToken");
            schedule.removeAll();
            schedule.setAll(update);
            schedule.put("Name", name).put("Arn", arn);
            json(exchange, 200, Map.of("ScheduleArn", arn));
        } else if (method.equals("POST")) {
            // CreateSchedule (issue 15: the users' digest schedules); passing the target's role needs iam:PassRole.
            ObjectNode create = (ObjectNode) JSON.readTree(body);
            if (!authorize(exchange, "scheduler:CreateSchedule", arn)
                    || !authorize(exchange, "iam:PassRole", create.path("Target").path("RoleArn").asText())) {
                return;
            }
            create.remove("ClientToken");
            create.put("Name", name).put("Arn", arn);
            if (schedules.putIfAbsent(arn, create) != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ConflictException");
                json(exchange, 409, Map.of("Message", "Schedule " + name + " already exists."));
                return;
            }
            json(exchange, 200, Map.of("ScheduleArn", arn));
        } else if (method.equals("DELETE")) {
            if (!authorize(exchange, "scheduler:DeleteSchedule", arn)) {
                return;
            }
            if (schedules.remove(arn) == null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                json(exchange, 404, Map.of("Message", "Schedule " + name + " does not exist."));
                return;
            }
            json(exchange, 200, Map.of());
        } else {
            json(exchange, 405, Map.of("Message", method));
        }
    }

    private void lambda(HttpExchange exchange) throws IOException {
        Matcher path = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations").matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            json(exchange, 404, Map.of("Message", "unknown path"));
            return;
        }
        String name = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        String qualifier = query(exchange.getRequestURI(), "Qualifier");
        String arn = name.startsWith("arn:") ? name : "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
        if (qualifier != null) {
            arn = arn + ":" + qualifier;
        }
        if (!authorize(exchange, "lambda:InvokeFunction", arn)) {
            return;
        }
        String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        UnaryOperator<String> function = functions.get(arn);
        if (function == null) {
            json(exchange, 404, Map.of("Type", "User", "Message", "Function not found: " + arn));
            return;
        }
        if ("Event".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
            // Queued and answered 202 at once: the caller goes on (a function may so invoke itself).
            synchronized (eventsLock) {
                eventsInFlight++;
            }
            String queued = arn;
            eventQueues.computeIfAbsent(arn, a -> Executors.newSingleThreadExecutor()).execute(() -> {
                try {
                    function.apply(payload);
                } catch (RuntimeException e) {
                    failedEvents.add(queued + ": " + e.getMessage());
                } finally {
                    synchronized (eventsLock) {
                        eventsInFlight--;
                        eventsLock.notifyAll();
                    }
                }
            });
            send(exchange, 202, new byte[0]);
            return;
        }
        String result;
        try {
            result = function.apply(payload);
        } catch (RuntimeException e) {
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            result = JSON.writeValueAsString(Map.of("errorMessage", String.valueOf(e.getMessage()), "errorType", e.getClass().getName()));
        }
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, 200, result.getBytes(StandardCharsets.UTF_8));
    }

    private void telegram(HttpExchange exchange) throws IOException {
        Matcher path = Pattern.compile("/bot([^/]+)/([A-Za-z]+)").matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            json(exchange, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode parameters = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        // Telegram method names are case-insensitive (TelegramBots sends "sendmessage").
        TelegramCall call = new TelegramCall(path.group(1), path.group(2).toLowerCase(java.util.Locale.ROOT), parameters,
                false);
        telegramCalls.add(call);
        if (!call.token().equals(telegramToken)) {
            json(exchange, 401, Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
            return;
        }
        long chat = parameters.path("chat_id").asLong();
        if (blockedChats.contains(chat)) {
            json(exchange, 403, Map.of("ok", false, "error_code", 403, "description", "Forbidden: bot was blocked by the user"));
        } else if (call.method().equals("sendmessage") && migratedChats.containsKey(chat)) {
            json(exchange, 400, Map.of("ok", false, "error_code", 400,
                    "description", "Bad Request: group chat was upgraded to a supergroup chat",
                    "parameters", Map.of("migrate_to_chat_id", migratedChats.get(chat))));
        } else if (call.method().equals("sendmessage") && readOnlyChats.contains(chat)) {
            json(exchange, 400, Map.of("ok", false, "error_code", 400,
                    "description", "Bad Request: not enough rights to send text messages to the chat"));
        } else if (call.method().equals("getchatmember")) {
            // The people writing in the flow's groups created them: administrators (issue 16's group rule).
            ObjectNode member = JSON.createObjectNode();
            member.put("status", "creator").put("is_anonymous", false);
            member.putObject("user").put("id", parameters.path("user_id").asLong()).put("is_bot", false)
                    .put("first_name", "Owner");
            json(exchange, 200, Map.of("ok", true, "result", member));
        } else if (call.method().equals("sendmessage")) {
            ObjectNode result = JSON.createObjectNode();
            result.put("message_id", messageIds.incrementAndGet());
            result.put("date", Instant.now().getEpochSecond());
            result.putObject("chat").put("id", parameters.path("chat_id").asLong()).put("type", "private");
            result.put("text", parameters.path("text").asText());
            json(exchange, 200, Map.of("ok", true, "result", result));
        } else {
            json(exchange, 200, Map.of("ok", true, "result", true));
        }
    }

    private void frankfurter(HttpExchange exchange) throws IOException {
        String base = query(exchange.getRequestURI(), "base");
        String symbols = query(exchange.getRequestURI(), "symbols");
        ObjectNode rates = JSON.createObjectNode();
        for (String quote : symbols == null ? new String[0] : symbols.split(",")) {
            String rate = frankfurterRates.get(base + "/" + quote);
            if (rate == null) {
                json(exchange, 404, Map.of("message", "not found")); // Frankfurter refuses the whole request
                return;
            }
            rates.put(quote, new java.math.BigDecimal(rate));
        }
        // Yesterday's ECB fixing: published, and never in the future whatever the time of day.
        json(exchange, 200, Map.of("amount", 1.0, "base", base,
                "date", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "rates", rates));
    }

    // ------------------------------------------------------------------ plumbing

    /** Records the call; answers AccessDeniedException and returns false when the caller's role does not allow it. */
    private boolean authorize(HttpExchange exchange, String action, String resource) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher credential = CREDENTIAL.matcher(authorization);
        String key = credential.find() ? credential.group(1) : "(unsigned)";
        ResolvedPolicy policy = policyOfKey.get(key);
        Call call = new Call(policy == null ? key : policy.role(), action, resource);
        calls.add(call);
        if (policy != null && policy.allows(action, resource)) {
            return true;
        }
        denied.add(call);
        boolean rest = exchange.getRequestHeaders().getFirst("X-Amz-Target") == null;
        if (rest) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
        }
        json(exchange, rest ? 403 : 400, ResolvedPolicy.accessDenied(call));
        return false;
    }

    private void serve(String service, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (RuntimeException | IOException e) {
                    e.printStackTrace();
                    throw e;
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            servers.add(server);
            urls.put(service, "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tableArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:dynamodb:" + region + ":" + account + ":table/" + nameOrArn;
    }

    private static String query(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        send(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    @Override
    public void close() {
        eventQueues.values().forEach(ExecutorService::shutdownNow);
        servers.forEach(server -> server.stop(0));
    }
}
