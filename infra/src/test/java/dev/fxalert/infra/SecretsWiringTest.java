package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.referencesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Secrets are NoEcho parameters that reach functions only through their own Secrets Manager secret. */
class SecretsWiringTest {

    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
    }

    @Test
    void everySecretParameterIsNoEcho() {
        Set<String> secretLooking = template.parameters().keySet().stream()
                .filter(name -> name.matches("(?i).*(token|secret|key|password).*"))
                .collect(Collectors.toSet());

        assertThat(secretLooking).contains("TelegramBotToken", "TelegramWebhookSecret", "AdminApiToken", "KoreaeximAuthKey");
        secretLooking.forEach(name ->
                assertThat(map(template.parameters().get(name)).get("NoEcho")).as(name).isEqualTo(true));
    }

    @Test
    void secretValuesCannotBreakTheJsonTheyAreSubstitutedInto() {
        for (String name : noEchoParameters()) {
            Object pattern = map(template.parameters().get(name)).get("AllowedPattern");
            assertThat(pattern).as(name + " AllowedPattern").isNotNull();
            // Plain character classes, which CloudFormation and java.util.regex read alike.
            java.util.regex.Pattern allowed = java.util.regex.Pattern.compile(String.valueOf(pattern));
            for (String breaksJson : new String[] {"0123456789abcdef0123456789abcdef\"",
                    "0123456789abcdef0123456789abcdef\\", "123:abc\"}"}) {
                assertThat(allowed.matcher(breaksJson).matches()).as(name + " accepts " + breaksJson).isFalse();
            }
        }
    }

    @Test
    void noFunctionSeesASecretParameterDirectly() {
        Set<String> secrets = noEchoParameters();
        template.propertiesOfType("AWS::Serverless::Function").forEach((id, function) ->
                assertThat(referencesIn(function)).as(id).doesNotContainAnyElementsOf(secrets));
    }

    @Test
    void eachFunctionReadsOnlyItsOwnSecretThroughFxAlertSecretsArn() {
        Map<String, String> secretOf = Map.of(
                "IngestionFunction", "IngestionSecrets",
                "EvaluationFunction", "EvaluationSecrets",
                "DeliveryFunction", "DeliverySecrets",
                "BotWebhookFunction", "BotSecrets");
        secretOf.forEach((function, secret) -> {
            Map<String, Object> variables = map(map(template.propertiesOfType("AWS::Serverless::Function")
                    .get(function).get("Environment")).get("Variables"));
            assertThat(variables.get("FX_ALERT_SECRETS_ARN")).as(function).isEqualTo(Map.of("Ref", secret));
            assertThat(variables).as(function + ": secrets are re-read at run time, no revision to bump")
                    .doesNotContainKey("FX_ALERT_SECRETS_REVISION");
            assertThat(template.resource(secret).get("Type")).isEqualTo("AWS::SecretsManager::Secret");
        });
    }

    @Test
    void eachSecretHoldsOnlyTheKeysItsFunctionReads() {
        assertThat(secretKeys("IngestionSecrets")).containsExactly("KoreaeximAuthKey");
        assertThat(secretKeys("EvaluationSecrets")).containsExactly("TelegramBotToken");
        assertThat(secretKeys("DeliverySecrets")).containsExactly("TelegramBotToken");
        assertThat(secretKeys("BotSecrets"))
                .containsExactlyInAnyOrder("TelegramBotToken", "TelegramWebhookSecret", "AdminApiToken");
    }

    private static Set<String> secretKeys(String secret) {
        return referencesIn(map(template.resource(secret).get("Properties")).get("SecretString"));
    }

    private static Set<String> noEchoParameters() {
        return template.parameters().entrySet().stream()
                .filter(parameter -> Boolean.TRUE.equals(map(parameter.getValue()).get("NoEcho")))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
