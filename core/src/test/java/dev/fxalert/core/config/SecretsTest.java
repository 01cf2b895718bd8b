package dev.fxalert.core.config;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets against a real HTTP server speaking the Secrets Manager JSON protocol. */
class SecretsTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fx-alert-AbCdEf";
    private static final String SECRET_JSON =
            "{\\\"TELEGRAM_BOT_TOKEN\\\":\\\"123456:from-secrets-manager\\\",\\\"ADMIN_API_TOKEN\\\":\\\"admin-from-sm\\\","
                    + "\\\"KOREAEXIM_AUTHKEY\\\":\\\"\\\"}";

    private MockWebServer secretsManager;
    private SecretsManagerClient client;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        secretsManager = new MockWebServer();
        secretsManager.start();
        client = SecretsManagerClient.builder()
                .endpointOverride(secretsManager.url("/").uri())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> config
                        .retryStrategy(retries -> retries.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void stopServer() throws IOException {
        client.close();
        secretsManager.shutdown();
    }

    private Secrets secrets() {
        return Secrets.fromEnvironment(environment::get, arn -> new SecretsManagerJsonSecret(client, arn));
    }

    private static MockResponse secretValue(String escapedSecretString) {
        return new MockResponse()
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"fx-alert\",\"VersionId\":\"v1\","
                        + "\"SecretString\":\"" + escapedSecretString + "\",\"CreatedDate\":1.7640288E9}");
    }

    @Test
    void readsSecretsFromTheEnvironmentWithoutCallingSecretsManagerWhenNoArnIsSet() {
        environment.put("TELEGRAM_BOT_TOKEN", " 123456:from-env ");

        Secrets secrets = secrets();

        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-env");
        assertThat(secrets.optional("ADMIN_API_TOKEN")).isEmpty();
        assertThat(secretsManager.getRequestCount()).isZero();
    }

    @Test
    void readsMissingVariablesFromTheJsonSecretWithOneRequestForAllLookups() throws InterruptedException {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(secretValue(SECRET_JSON));

        Secrets secrets = secrets();

        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");
        assertThat(secrets.require("ADMIN_API_TOKEN")).isEqualTo("admin-from-sm");
        assertThat(secrets.optional("KOREAEXIM_AUTHKEY")).as("blank counts as unset").isEmpty();
        assertThat(secretsManager.getRequestCount()).isEqualTo(1);
        RecordedRequest request = secretsManager.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(request.getBody().readUtf8()).contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void environmentVariableOverridesTheSecretsKey() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        environment.put("ADMIN_API_TOKEN", "admin-from-env");
        secretsManager.enqueue(secretValue(SECRET_JSON));

        Secrets secrets = secrets();

        assertThat(secrets.require("ADMIN_API_TOKEN")).isEqualTo("admin-from-env");
        assertThat(secretsManager.getRequestCount()).as("no lookup needed the secret").isZero();
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");
    }

    @Test
    void missingSecretIsNamedInTheErrorWhileNoValueIs() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(secretValue(SECRET_JSON));

        assertThatThrownBy(() -> secrets().require("TELEGRAM_WEBHOOK_SECRET"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET")
                .hasMessageContaining(Secrets.SECRETS_ARN_VARIABLE)
                .hasMessageNotContaining("from-secrets-manager")
                .hasMessageNotContaining("admin-from-sm");
    }

    @Test
    void accessDeniedIsReportedWithTheAwsErrorCodeAndTheSecretName() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(new MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized to perform "
                        + "secretsmanager:GetSecretValue\"}"));

        assertThatThrownBy(() -> secrets().require("TELEGRAM_BOT_TOKEN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void failedReadIsNotCachedSoTheNextLookupTriesAgain() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(new MockResponse().setResponseCode(400)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find it.\"}"));
        secretsManager.enqueue(secretValue(SECRET_JSON));
        Secrets secrets = secrets();

        assertThatThrownBy(() -> secrets.require("TELEGRAM_BOT_TOKEN")).hasMessageContaining("ResourceNotFoundException");
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");
        assertThat(secretsManager.getRequestCount()).isEqualTo(2);
    }

    @Test
    void secretThatIsNotAJsonObjectFailsWithoutEchoingItsText() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(secretValue("123456:plain-token-not-json"));

        assertThatThrownBy(() -> secrets().require("TELEGRAM_BOT_TOKEN"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JSON object")
                .hasMessageNotContaining("plain-token-not-json");
    }

    @Test
    void ofMapWithoutTheArnReadsOnlyTheMap() {
        Secrets secrets = Secrets.of(Map.of("ADMIN_API_TOKEN", "t"));

        assertThat(secrets.require("ADMIN_API_TOKEN")).isEqualTo("t");
        assertThatThrownBy(() -> secrets.require("TELEGRAM_BOT_TOKEN"))
                .hasMessageContaining("environment variable TELEGRAM_BOT_TOKEN");
    }

    // ---------------------------------------------------------------- rotation

    private static final String ROTATED_JSON = "{\\\"TELEGRAM_BOT_TOKEN\\\":\\\"123456:rotated\\\"}";
    private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

    private Secrets secretsOnManualClock() {
        return Secrets.fromEnvironment(environment::get, arn -> new SecretsManagerJsonSecret(client, arn), nanos::get);
    }

    @Test
    void aRotatedSecretIsReadAgainOnceTheCacheTimeHasPassed() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        environment.put(Secrets.CACHE_SECONDS_VARIABLE, "300");
        secretsManager.enqueue(secretValue(SECRET_JSON));
        secretsManager.enqueue(secretValue(ROTATED_JSON));
        Secrets secrets = secretsOnManualClock();

        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");
        nanos.addAndGet(java.time.Duration.ofSeconds(299).toNanos());
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).as("still cached").isEqualTo("123456:from-secrets-manager");
        assertThat(secretsManager.getRequestCount()).isEqualTo(1);

        nanos.addAndGet(java.time.Duration.ofSeconds(1).toNanos());
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:rotated");
        assertThat(secretsManager.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsServingTheLastValueAndTriesAgainNextTime() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(secretValue(SECRET_JSON));
        secretsManager.enqueue(new MockResponse().setResponseCode(500));
        secretsManager.enqueue(secretValue(ROTATED_JSON));
        Secrets secrets = secretsOnManualClock();
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");

        nanos.addAndGet(Secrets.DEFAULT_CACHE.toNanos());
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:from-secrets-manager");
        assertThat(secrets.require("TELEGRAM_BOT_TOKEN")).isEqualTo("123456:rotated");
    }

    @Test
    void secretBoundReadsNothingUntilUsedAndRebuildsOnlyWhenTheSecretChanges() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        secretsManager.enqueue(secretValue(SECRET_JSON));
        secretsManager.enqueue(secretValue(SECRET_JSON));
        secretsManager.enqueue(secretValue(ROTATED_JSON));
        java.util.List<String> builds = new java.util.ArrayList<>();
        SecretBound<String> token = new SecretBound<>(secretsOnManualClock(), s -> {
            builds.add(s.require("TELEGRAM_BOT_TOKEN"));
            return s.require("TELEGRAM_BOT_TOKEN");
        });
        assertThat(secretsManager.getRequestCount()).as("nothing read before first use (a snapshot holds no secret)").isZero();

        assertThat(token.get()).isEqualTo("123456:from-secrets-manager");
        nanos.addAndGet(Secrets.DEFAULT_CACHE.toNanos());
        assertThat(token.get()).as("same value read again: not rebuilt").isEqualTo("123456:from-secrets-manager");
        nanos.addAndGet(Secrets.DEFAULT_CACHE.toNanos());
        assertThat(token.get()).isEqualTo("123456:rotated");
        assertThat(builds).containsExactly("123456:from-secrets-manager", "123456:rotated");
    }

    @Test
    void cacheTimeMustBeAWholeNumberOfSeconds() {
        environment.put(Secrets.SECRETS_ARN_VARIABLE, ARN);
        environment.put(Secrets.CACHE_SECONDS_VARIABLE, "5m");

        assertThatThrownBy(this::secrets).hasMessageContaining(Secrets.CACHE_SECONDS_VARIABLE);
    }
}
