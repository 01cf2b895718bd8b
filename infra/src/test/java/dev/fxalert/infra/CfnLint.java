package dev.fxalert.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the npm cfn-lint pinned in tools/package.json on a template, with the CloudFormation resource
 * specification of {@code @aws-cdk/cfnspec} instead of the 2019 one cfn-lint bundles (which knows neither
 * AWS::Scheduler::Schedule nor AWS::Events::EventBus). node_modules stays untouched: the linter is copied under
 * target/ with the newer specification in place, and resolves its own dependencies from tools/node_modules.
 */
final class CfnLint {

    static final Path TOOLS = Template.REPOSITORY_ROOT.resolve("tools/node_modules");
    static final Path INSTALLED = TOOLS.resolve("cfn-lint");
    static final Path CURRENT_SPEC = TOOLS.resolve("@aws-cdk/cfnspec/spec/specification.json");
    static final String SPEC_IN_PACKAGE = "data/aws_resources_specification.json";

    /** @param severity crit, warn or infos, as cfn-lint prints them */
    record Finding(String severity, String resource, String message) {
    }

    record Result(int exitCode, String output, List<Finding> findings) {
    }

    private CfnLint() {
    }

    static Path prepareWithCurrentSpecification(Path workDirectory) throws IOException {
        requireInstalled();
        Path copy = workDirectory.resolve("cfn-lint");
        for (String part : List.of("package.json", "lib", "data")) {
            copyTree(INSTALLED.resolve(part), copy.resolve(part));
        }
        Files.copy(CURRENT_SPEC, copy.resolve(SPEC_IN_PACKAGE), StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    static Result validate(Path preparedCopy, Path template) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", preparedCopy.resolve("lib/index.js").toString(),
                "validate", template.toString())
                .redirectErrorStream(true);
        builder.environment().put("NODE_PATH", TOOLS.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Cannot run node (Node.js 20+ is needed for cfn-lint): " + e.getMessage()
                    + ". Install Node.js, then run `npm ci --prefix tools`.", e);
        }
        byte[] bytes = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish within 120 s");
        }
        String output = new String(bytes, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        return new Result(process.exitValue(), output, parse(output));
    }

    /** cfn-lint prints "N infos", "N warn", "N crit" headers, each followed by Resource:/Message: blocks. */
    static List<Finding> parse(String output) {
        List<Finding> findings = new ArrayList<>();
        String severity = null;
        String resource = null;
        for (String line : output.split("\\R")) {
            if (line.matches("\\d+ (infos|warn|crit)")) {
                severity = line.substring(line.indexOf(' ') + 1);
            } else if (line.startsWith("Resource: ")) {
                resource = line.substring("Resource: ".length());
            } else if (line.startsWith("Message: ")) {
                findings.add(new Finding(severity, resource, line.substring("Message: ".length())));
            }
        }
        return findings;
    }

    private static void requireInstalled() {
        if (!Files.isRegularFile(TOOLS.resolve(".bin/cfn-lint")) && !Files.isSymbolicLink(TOOLS.resolve(".bin/cfn-lint"))
                || !Files.isRegularFile(INSTALLED.resolve("lib/index.js")) || !Files.isRegularFile(CURRENT_SPEC)) {
            throw new AssertionError("cfn-lint or @aws-cdk/cfnspec is not installed in " + TOOLS
                    + ": run `npm ci --prefix tools` from the repository root (needs Node.js 20+).");
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                Path destination = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.createDirectories(destination.getParent());
                        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
