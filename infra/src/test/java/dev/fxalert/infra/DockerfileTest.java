package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-hosting Dockerfile, checked by construction (no Docker engine or hadolint on the build machines):
 * pinned bases, wrapper build, non-root runtime with the data volume and a health check on the actuator.
 */
class DockerfileTest {

    private static List<String> instructions;
    private static String dockerignore;

    @BeforeAll
    static void load() throws IOException {
        instructions = joinContinuations(Files.readAllLines(Template.REPOSITORY_ROOT.resolve("Dockerfile")));
        dockerignore = Files.readString(Template.REPOSITORY_ROOT.resolve(".dockerignore"));
    }

    /** One entry per instruction, backslash continuations joined, comments and blank lines dropped. */
    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                joined.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        return joined;
    }

    private static List<String> startingWith(String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
    }

    private static List<String> runtimeStage() {
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    @Test
    void buildsOnAPinnedJdk17AndRunsOnTheMatchingPinnedJre() {
        List<String> froms = startingWith("FROM");
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).matches("FROM eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk-[a-z]+(@sha256:[0-9a-f]{64})? AS build");
        assertThat(froms.get(1)).matches("FROM eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-[a-z]+(@sha256:[0-9a-f]{64})?");
        String jdkRelease = froms.get(0).replaceAll(".*:(17[^-]+)-jdk-([a-z]+).*", "$1-$2");
        String jreRelease = froms.get(1).replaceAll(".*:(17[^-]+)-jre-([a-z]+).*", "$1-$2");
        assertThat(jreRelease).as("same Java patch and OS as the build").isEqualTo(jdkRelease);
    }

    @Test
    void buildsTheBotJarWithTheMavenWrapper() {
        assertThat(startingWith("RUN")).anySatisfy(run ->
                assertThat(run).contains("./mvnw -B -ntp -pl bot -am package").contains("bot/target/fx-alert-bot.jar"));
        assertThat(startingWith("COPY")).as("the whole reactor, so every module's pom is there")
                .contains("COPY . .");
    }

    @Test
    void runsAsANonRootUserWithTheDatabaseOnTheDataVolume() {
        List<String> runtime = runtimeStage();
        assertThat(runtime).contains("VOLUME [\"/data\"]");
        assertThat(runtime).anyMatch(i -> i.startsWith("ENV ") && i.contains("FX_ALERT_DB_PATH=/data/fx-alert.db"));
        List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).singleElement().satisfies(user -> assertThat(user).isNotIn("USER root", "USER 0"));
        assertThat(runtime.indexOf(users.get(0))).as("USER before ENTRYPOINT")
                .isLessThan(runtime.indexOf(runtime.stream().filter(i -> i.startsWith("ENTRYPOINT")).findFirst().orElseThrow()));
        assertThat(runtime).anyMatch(i -> i.startsWith("ENTRYPOINT [\"java\", \"-jar\", \"/app/fx-alert-bot.jar\"]"));
    }

    @Test
    void healthCheckCallsTheActuatorOnTheConfiguredPort() {
        assertThat(runtimeStage()).anySatisfy(i -> assertThat(i)
                .startsWith("HEALTHCHECK ")
                .contains("CMD curl -fsS \"http://127.0.0.1:${SERVER_PORT}/actuator/health\""));
        assertThat(runtimeStage()).anyMatch(i -> i.startsWith("ENV ") && i.contains("SERVER_PORT=8080"));
    }

    @Test
    void setsTheSameMemoryPolicyAsRunShForASmallAlwaysOnService() throws IOException {
        String runSh = Files.readString(Template.REPOSITORY_ROOT.resolve("run.sh"));
        String policy = "-XX:+UseSerialGC -Xms32m -Xmx128m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";

        assertThat(runtimeStage()).as("docs/performance.md explains and measures it")
                .anyMatch(i -> i.startsWith("ENV ") && i.contains("JAVA_TOOL_OPTIONS=\"" + policy + "\""));
        assertThat(runSh).contains("${JAVA_OPTS:-" + policy + "}");
        assertThat(runtimeStage()).anyMatch(i -> i.startsWith("ENV ") && i.contains("MALLOC_ARENA_MAX=2"));
        assertThat(runSh).contains("MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}");
    }

    @Test
    void withoutATokenTheContainerKeepsServingWhenItHasNoTerminal() {
        // docker run -d gives the console chat an empty standard input; the end of input must not stop the service.
        assertThat(runtimeStage()).anyMatch(i -> i.startsWith("ENV ") && i.contains("CONSOLE_END_OF_INPUT=keep-serving"));
    }

    @Test
    void buildContextLeavesOutBuildOutputsNodeModulesAndSecrets() {
        assertThat(dockerignore.lines()).contains("**/target/", "**/node_modules/", ".git/", ".env", "*.db");
    }
}
