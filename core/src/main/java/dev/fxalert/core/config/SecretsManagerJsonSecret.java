package dev.fxalert.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AWS Secrets Manager secret whose SecretString is a flat JSON object, e.g.
 * {@code {"TELEGRAM_BOT_TOKEN":"...","ADMIN_API_TOKEN":"..."}} (what infra/template.yaml stores).
 * Error messages name the secret and the AWS error code, never a value.
 */
public final class SecretsManagerJsonSecret implements Secrets.JsonSecret {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SecretsManagerClient client;
    private final String secretId;

    public SecretsManagerJsonSecret(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    /**
     * A client for the Lambda environment: region and credentials from the environment, the lightweight
     * URL-connection HTTP client (set explicitly, as several HTTP clients may be on the classpath).
     */
    static SecretsManagerJsonSecret withDefaultClient(String secretId) {
        return new SecretsManagerJsonSecret(
                SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                secretId);
    }

    @Override
    public Map<String, String> values() {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(secretId));
        } catch (SecretsManagerException e) {
            throw new IllegalStateException("Could not read secret " + secretId + " from Secrets Manager: "
                    + e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new IllegalStateException("Could not reach Secrets Manager to read secret " + secretId + ": "
                    + e.getClass().getSimpleName(), e);
        }
        return parse(response.secretString());
    }

    private Map<String, String> parse(String secretString) {
        if (secretString == null) {
            throw new IllegalStateException("Secret " + secretId + " has no SecretString (binary secrets are not supported)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(secretString);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the secret's text: do not pass it on.
            throw new IllegalStateException("Secret " + secretId + " is not a JSON object of strings");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("Secret " + secretId + " is not a JSON object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new IllegalStateException("Secret " + secretId + ": key " + field.getKey() + " is not a string");
            }
            values.put(field.getKey(), field.getValue().asText());
        });
        return Map.copyOf(values);
    }
}
