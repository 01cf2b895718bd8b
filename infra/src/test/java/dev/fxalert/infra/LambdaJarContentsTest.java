package dev.fxalert.infra;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the parent pom's one shade configuration (lambda-jar) keeps out of every deployed jar: what only the local app
 * needs, the SDK's HTTP clients other than url-connection, and any log backend or configuration but the one.
 */
class LambdaJarContentsTest {

    private static final List<String> LOCAL_ONLY = List.of(
            "org/h2/", "org/springframework/", "org/apache/catalina/", "org/apache/tomcat/", "io/micrometer/",
            "io/prometheus/", "org/springdoc/", "io/swagger/", "org/hibernate/", "META-INF/resources/webjars/",
            "dev/fxalert/core/store/embedded/", "dev/fxalert/bot/app/", "dev/fxalert/bot/admin/",
            "dev/fxalert/bot/local/", "dev/fxalert/bot/polling/", "dev/fxalert/bot/console/",
            "io/netty/", "org/apache/hc/", "org/apache/http/", "software/amazon/awssdk/http/apache/",
            "software/amazon/awssdk/http/apache5/", "software/amazon/awssdk/http/nio/",
            "org/slf4j/simple/", "org/slf4j/nop/", "org/apache/logging/log4j/core/");

    static Stream<Arguments> deployedJars() throws IOException {
        Map<String, Map<String, Object>> functions = Template.load().propertiesOfType("AWS::Serverless::Function");
        return functions.entrySet().stream().map(function -> Arguments.of(function.getKey(),
                Template.FILE.getParent().resolve(String.valueOf(function.getValue().get("CodeUri"))).normalize()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployedJars")
    void carriesNothingOnlyTheLocalAppNeedsAndOneLogConfiguration(String function, Path jar) throws IOException {
        assertThat(jar).as("build the Lambda jars first (./mvnw package)").isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            List<String> found = LOCAL_ONLY.stream()
                    .filter(prefix -> names.stream().anyMatch(name -> name.startsWith(prefix))).toList();
            assertThat(found).as(function + ": packages the Lambda must not carry").isEmpty();
            assertThat(names).as(function + ": the Lambda log configuration").contains("logback.xml")
                    .doesNotContain("logback-test.xml", "application.properties");
        }
    }
}
