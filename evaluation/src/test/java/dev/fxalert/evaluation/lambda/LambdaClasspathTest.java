package dev.fxalert.evaluation.lambda;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The handler builds DynamoDbClient.create() with no explicit HTTP client: the classpath must make that unambiguous. */
class LambdaClasspathTest {

    @Test
    void aDefaultDynamoDbClientCanBeBuiltFromTheClasspath() {
        assertThatCode(() -> {
            try (DynamoDbClient client = DynamoDbClient.builder().region(Region.AP_NORTHEAST_2)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                client.serviceName();
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void aDefaultLambdaClientCanBeBuiltFromTheClasspath() {
        assertThatCode(() -> {
            try (LambdaClient client = LambdaClient.builder().region(Region.AP_NORTHEAST_2)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                client.serviceName();
            }
        }).doesNotThrowAnyException();
    }
}
