package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cfn-lint on infra/template.yaml (run once for the class): catches misspelled or missing CloudFormation properties
 * and bad Ref/GetAtt. Its bundled SAM specification predates SnapStart, so "SnapStart is not a valid property of
 * AWS::Serverless::Function" on a SAM function's own SnapStart property is the one finding tolerated; SAM-specific
 * rules are checked by the other tests of this module instead.
 */
class CfnLintTest {

    static final String SAM_SNAPSTART_FALSE_POSITIVE = "SnapStart is not a valid property of AWS::Serverless::Function";

    private static Path linter;
    private static CfnLint.Result result;
    private static Set<String> samFunctions;

    @BeforeAll
    static void lintOnce() throws IOException, InterruptedException {
        linter = CfnLint.prepareWithCurrentSpecification(Path.of("target/cfn-lint-current-spec").toAbsolutePath());
        result = CfnLint.validate(linter, Template.FILE);
        samFunctions = Template.load().propertiesOfType("AWS::Serverless::Function").keySet();
    }

    static boolean isSamSnapStartFalsePositive(CfnLint.Finding finding) {
        return SAM_SNAPSTART_FALSE_POSITIVE.equals(finding.message())
                && samFunctions.stream().anyMatch(function ->
                        ("Resources > " + function + " > Properties > SnapStart").equals(finding.resource()));
    }

    @Test
    void templateHasNoCfnLintFindingsBesidesTheSamSnapStartFalsePositive() {
        assertThat(result.output()).as("cfn-lint ran and reported").contains(" crit");
        List<CfnLint.Finding> real = result.findings().stream().filter(f -> !isSamSnapStartFalsePositive(f)).toList();

        assertThat(real).as("cfn-lint output:%n%s", result.output()).isEmpty();
    }

    @Test
    void snapStartFalsePositiveIsRecognisedOnlyOnSamFunctionsOwnSnapStartProperty() {
        String function = samFunctions.iterator().next();
        assertThat(isSamSnapStartFalsePositive(new CfnLint.Finding("crit",
                "Resources > " + function + " > Properties > SnapStart", SAM_SNAPSTART_FALSE_POSITIVE))).isTrue();
        assertThat(isSamSnapStartFalsePositive(new CfnLint.Finding("crit",
                "Resources > " + function + " > Properties > SnapStartt", "SnapStartt is not a valid property of AWS::Serverless::Function")))
                .isFalse();
        assertThat(isSamSnapStartFalsePositive(new CfnLint.Finding("crit",
                "Resources > UsersTable > Properties > SnapStart", SAM_SNAPSTART_FALSE_POSITIVE))).isFalse();
        assertThat(isSamSnapStartFalsePositive(new CfnLint.Finding("crit",
                "Resources > " + function + " > Properties > SnapStart > ApplyOn", "Expecting one of [PublishedVersions]")))
                .isFalse();
    }

    @Test
    void lintsWithTheCurrentSpecificationThatKnowsSchedulerAndEventBuses() throws IOException {
        String spec = Files.readString(linter.resolve(CfnLint.SPEC_IN_PACKAGE));

        assertThat(spec).contains("\"AWS::Scheduler::Schedule\"", "\"AWS::Events::EventBus\"",
                "\"AWS::Scheduler::ScheduleGroup\"");
    }

    @Test
    void parsesFindingsWithTheirSeverity() {
        String output = """
                1 infos
                Resource: Resources > A
                Message: note
                Documentation: x

                0 warn
                1 crit
                Resource: Resources > B > Properties > Nme
                Message: Nme is not a valid property of AWS::SQS::Queue
                Documentation: y
                """;

        assertThat(CfnLint.parse(output)).containsExactly(
                new CfnLint.Finding("infos", "Resources > A", "note"),
                new CfnLint.Finding("crit", "Resources > B > Properties > Nme", "Nme is not a valid property of AWS::SQS::Queue"));
    }
}
