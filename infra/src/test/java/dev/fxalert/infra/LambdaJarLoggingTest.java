package dev.fxalert.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each jar the template deploys logs through a real backend, alone: loaded in a class loader whose parent is the
 * platform class loader (so nothing of this test's classpath, which has Logback and slf4j-api of its own, can stand
 * in), its SLF4J finds a provider, reads the logback.xml shaded into the jar, writes one JSON object per line with the
 * invocation's request and correlation ids set through the handlers' own {@code LogCorrelation}, and honours
 * LOG_LEVEL. Needs the jars built (./mvnw package; the reactor builds them before this module's tests).
 */
class LambdaJarLoggingTest {

    /** Set by the parent pom for the modules' tests; cleared here so each jar must use its own logback.xml. */
    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    /**
     * Logback resolves ${LOG_LEVEL} from system properties before the environment, so a property stands in for
     * the function's environment variable.
     */
    private static final String LOG_LEVEL = "LOG_LEVEL";

    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<Arguments> deployedJars() throws IOException {
        Map<String, Map<String, Object>> functions = Template.load().propertiesOfType("AWS::Serverless::Function");
        return functions.entrySet().stream().map(function -> Arguments.of(function.getKey(),
                Template.FILE.getParent().resolve(String.valueOf(function.getValue().get("CodeUri"))).normalize()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployedJars")
    void logsOneJsonObjectPerLineWithTheInvocationsIdsThroughARealBackend(String function, Path jar) throws Exception {
        List<String> lines = logInIsolation(jar, null);

        assertThat(lines).as(function + ": DEBUG is below the default level INFO").hasSize(2);
        JsonNode info = mapper.readTree(lines.get(0));
        assertThat(info.path("message").asText()).isEqualTo("info line");
        assertThat(info.path("level").asText()).isEqualTo("INFO");
        assertThat(info.path("logger").asText()).isEqualTo("jar-check");
        assertThat(info.path("timestamp").asText()).endsWith("Z");
        assertThat(info.path("requestId").asText()).isEqualTo("req-1");
        assertThat(info.path("correlationId").asText()).isEqualTo("event-1");
        assertThat(info.path("pair").asText()).as("key-value pairs are fields").isEqualTo("USD/KRW");
        assertThat(mapper.readTree(lines.get(1)).path("level").asText()).isEqualTo("WARN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployedJars")
    void logLevelSetsTheRootLevel(String function, Path jar) throws Exception {
        assertThat(logInIsolation(jar, "WARN")).as(function + " at LOG_LEVEL=WARN").singleElement()
                .satisfies(line -> assertThat(mapper.readTree(line).path("level").asText()).isEqualTo("WARN"));
        assertThat(logInIsolation(jar, "DEBUG")).as(function + " at LOG_LEVEL=DEBUG").hasSize(3);
    }

    /** Logs DEBUG, INFO and WARN through the jar's own SLF4J inside one invocation; returns what reached stdout. */
    private static List<String> logInIsolation(Path jar, String logLevel) throws Exception {
        assertThat(jar).as("build the Lambda jars first (./mvnw package)").isRegularFile();
        String configProperty = System.clearProperty(LOGBACK_CONFIG_PROPERTY);
        String levelProperty = logLevel == null ? System.clearProperty(LOG_LEVEL) : System.setProperty(LOG_LEVEL, logLevel);
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader deployed = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(deployed);
            Class<?> loggerFactory = deployed.loadClass("org.slf4j.LoggerFactory");
            Object factory = loggerFactory.getMethod("getILoggerFactory").invoke(null);
            assertThat(factory.getClass().getName()).as(jar + ": SLF4J provider")
                    .isNotEqualTo("org.slf4j.helpers.NOPLoggerFactory")
                    .isEqualTo("ch.qos.logback.classic.LoggerContext");
            assertThat(factory.getClass().getClassLoader()).as("the backend comes from the jar").isSameAs(deployed);

            Class<?> correlation = deployed.loadClass("dev.fxalert.core.log.LogCorrelation");
            Object logger = loggerFactory.getMethod("getLogger", String.class).invoke(null, "jar-check");
            Class<?> loggerType = deployed.loadClass("org.slf4j.Logger");
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (AutoCloseable invocation = (AutoCloseable) correlation.getMethod("invocation", String.class).invoke(null, "req-1")) {
                correlation.getMethod("correlate", String.class).invoke(null, "event-1");
                loggerType.getMethod("debug", String.class).invoke(logger, "debug line");
                Class<?> builderType = deployed.loadClass("org.slf4j.spi.LoggingEventBuilder");
                Object builder = loggerType.getMethod("atInfo").invoke(logger);
                builderType.getMethod("addKeyValue", String.class, Object.class).invoke(builder, "pair", "USD/KRW");
                builderType.getMethod("log", String.class).invoke(builder, "info line");
                loggerType.getMethod("warn", String.class).invoke(logger, "warn line");
            } finally {
                System.setOut(stdout);
            }
            factory.getClass().getMethod("stop").invoke(factory);
        } finally {
            thread.setContextClassLoader(contextLoader);
            restore(LOGBACK_CONFIG_PROPERTY, configProperty);
            restore(LOG_LEVEL, levelProperty);
        }
        List<String> lines = new ArrayList<>();
        captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).forEach(lines::add);
        return lines;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
