package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fxalert.infra.Template.referencesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege: who may do what to which resource, stated here as the specification of the template's IAM. */
class IamPolicyTest {

    /**
     * Statements allowed to hold a literal wildcard, by "owner/Sid", each with the reason AWS requires it; the
     * template carries the same reason as a comment next to the statement. None are needed today.
     */
    private static final Map<String, String> COMMENTED_WILDCARD_EXCEPTIONS = Map.of();

    /**
     * Every resource (or parameter) each scheduler role's policies may name, and no other. The functions' roles are
     * not listed by hand: {@link AwsPathEndToEndTest} checks every grant of theirs against the AWS calls the
     * functions really make (a call without a grant fails, a grant without a call fails).
     */
    private static final Map<String, Set<String>> RESOURCES_OF_ROLE = Map.of(
            "IngestionSchedulerRole", Set.of("IngestionFunctionAliaslive", "SchedulerDeadLetterQueue"),
            "SweepSchedulerRole", Set.of("EvaluationFunctionAliaslive", "SchedulerDeadLetterQueue"),
            // Daily digest (issue 15): the users' schedules invoke exactly Delivery's alias, and have their own DLQ.
            "DigestSchedulerRole", Set.of("DeliveryFunctionAliaslive", "DigestDeadLetterQueue"));
    /** The users' digest schedules: the digest group, digest-* names only (issue 15). */
    private static final String DIGEST_SCHEDULES =
            "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/${DigestScheduleGroup}/digest-*";

    private static Template template;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
    }

    @Test
    void noPolicyGrantsWildcardActionsOrResourcesBeyondTheCommentedExceptions() {
        List<String> findings = IamStatements.wildcardGrants(IamStatements.all(template));

        assertThat(findings).allSatisfy(finding ->
                assertThat(COMMENTED_WILDCARD_EXCEPTIONS).containsKey(finding.substring(0, finding.indexOf(':'))));
    }

    @Test
    void everyWildcardExceptionIsExplainedByAComment() throws IOException {
        String text = java.nio.file.Files.readString(Template.FILE);
        COMMENTED_WILDCARD_EXCEPTIONS.forEach((statement, reason) ->
                assertThat(text).as(statement + " needs its comment in the template").contains("# " + reason));
    }

    @Test
    void wildcardCheckCatchesStarActionsStarResourcesAndNotAction() {
        List<IamStatements.Statement> statements = List.of(
                new IamStatements.Statement("R", Map.of("Sid", "A", "Effect", "Allow", "Action", "dynamodb:*",
                        "Resource", Map.of("Fn::GetAtt", List.of("T", "Arn")))),
                new IamStatements.Statement("R", Map.of("Sid", "B", "Effect", "Allow", "Action", List.of("s3:GetObject"),
                        "Resource", "*")),
                new IamStatements.Statement("R", Map.of("Sid", "C", "Effect", "Allow", "NotAction", "iam:*")),
                new IamStatements.Statement("R", Map.of("Sid", "D", "Effect", "Deny", "Action", "*", "Resource", "*")));

        assertThat(IamStatements.wildcardGrants(statements)).containsExactly(
                "R/A: action dynamodb:*", "R/B: resource *", "R/C: NotAction/NotResource grants everything else");
    }

    @Test
    void everyRoleIsSpecifiedHereOrByTheRecordedCallsOfItsFunction() {
        Set<String> specified = new LinkedHashSet<>(RESOURCES_OF_ROLE.keySet());
        ResolvedTemplate resolved = new ResolvedTemplate(template, Map.of("TelegramBotToken", "1:x",
                "TelegramWebhookSecret", "x", "AdminApiToken", "x"));
        AwsPathEndToEndTest.FUNCTIONS.forEach(function -> specified.add(ResolvedPolicy.ofFunction(resolved, function).role()));

        assertThat(template.propertiesOfType("AWS::IAM::Role").keySet()).containsExactlyInAnyOrderElementsOf(specified);
        assertThat(template.propertiesOfType("AWS::Serverless::Function").keySet())
                .containsExactlyInAnyOrderElementsOf(AwsPathEndToEndTest.FUNCTIONS);
    }

    @Test
    void eachRolesPoliciesReferenceOnlyItsOwnResources() {
        RESOURCES_OF_ROLE.forEach((role, allowed) -> {
            Set<String> referenced = new LinkedHashSet<>();
            IamStatements.ofRole(template, role).forEach(statement -> referenced.addAll(referencesIn(statement.body())));
            assertThat(referenced).as(role).containsExactlyInAnyOrderElementsOf(allowed);
        });
    }

    @Test
    void samFunctionsDeclareNoPoliciesOfTheirOwnBesideTheirRole() {
        template.propertiesOfType("AWS::Serverless::Function").forEach((id, function) ->
                assertThat(function).as(id).doesNotContainKey("Policies"));
    }

    @Test
    void roleCanBePassedOnlyToSchedulerAndOnlyForTheIngestionAndDigestSchedules() {
        List<IamStatements.Statement> passRole = IamStatements.all(template).stream()
                .filter(statement -> statement.actions().contains("iam:PassRole"))
                .toList();

        assertThat(passRole).hasSize(2).allSatisfy(statement -> {
            assertThat(statement.owner()).isEqualTo("BotWebhookRole");
            assertThat(statement.actions()).containsExactly("iam:PassRole");
            assertThat(statement.resources()).hasSize(1);
            assertThat(statement.body().get("Condition"))
                    .isEqualTo(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")));
        });
        assertThat(passRole).extracting(statement -> referencesIn(statement.resources()))
                .containsExactlyInAnyOrder(Set.of("IngestionSchedulerRole"), Set.of("DigestSchedulerRole"));
    }

    @Test
    void theBotMayOnlyReadAndUpdateTheIngestionScheduleAndPutAndDeleteDigestSchedules() {
        List<IamStatements.Statement> scheduler = IamStatements.all(template).stream()
                .filter(statement -> statement.actions().stream().anyMatch(a -> String.valueOf(a).startsWith("scheduler:")))
                .toList();

        assertThat(scheduler).hasSize(3);
        assertThat(scheduler).filteredOn(statement -> statement.sid().equals("PauseResumeRescheduleIngestion"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.owner()).isEqualTo("BotWebhookRole");
                    assertThat(statement.actions()).containsExactlyInAnyOrder("scheduler:GetSchedule", "scheduler:UpdateSchedule");
                    assertThat(referencesIn(statement.resources())).containsExactly("IngestionSchedule");
                });
        // Issue 15: the webhook puts whole user schedules (no GetSchedule needed) in the digest group only.
        assertThat(scheduler).filteredOn(statement -> statement.sid().equals("PutAndDeleteDigestSchedules"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.owner()).isEqualTo("BotWebhookRole");
                    assertThat(statement.actions()).containsExactlyInAnyOrder("scheduler:CreateSchedule",
                            "scheduler:UpdateSchedule", "scheduler:DeleteSchedule");
                    assertThat(statement.resources()).containsExactly(Map.of("Fn::Sub", DIGEST_SCHEDULES));
                });
        // Delivery only deletes the stale schedule that fired for a user without a digest.
        assertThat(scheduler).filteredOn(statement -> statement.sid().equals("DeleteStaleDigestSchedules"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.owner()).isEqualTo("DeliveryRole");
                    assertThat(statement.actions()).containsExactly("scheduler:DeleteSchedule");
                    assertThat(statement.resources()).containsExactly(Map.of("Fn::Sub", DIGEST_SCHEDULES));
                });
    }

    /** Issue 15, digest batches: Delivery reads the users of one digest time through their index only. */
    @Test
    void deliveryQueriesTheUsersOfADigestTimeOnlyThroughTheirIndex() {
        assertThat(IamStatements.ofRole(template, "DeliveryRole"))
                .filteredOn(statement -> statement.sid().equals("ReadUsersOfADigestTime"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.actions()).containsExactly("dynamodb:Query");
                    assertThat(statement.resources())
                            .containsExactly(Map.of("Fn::Sub", "${UsersTable.Arn}/index/digestById"));
                });
    }

    @Test
    void onlyTheDigestSchedulerRoleInvokesDeliveryForDigestsAndItInvokesNothingElse() {
        List<IamStatements.Statement> statements = IamStatements.ofRole(template, "DigestSchedulerRole");
        assertThat(statements).extracting(IamStatements.Statement::actions)
                .containsExactlyInAnyOrder(List.of("lambda:InvokeFunction"), List.of("sqs:SendMessage"));
        assertThat(statements).filteredOn(statement -> statement.actions().contains("lambda:InvokeFunction"))
                .singleElement().satisfies(statement ->
                        assertThat(statement.resources()).containsExactly(Map.of("Ref", "DeliveryFunctionAliaslive")));
    }

    /** Run ingestion now (admin), and wake Delivery when /quiet off releases held pushes (issue 15): aliases only. */
    @Test
    void theBotMayInvokeOnlyTheIngestionAliasToRunIngestionNowAndTheDeliveryAliasToWakeIt() {
        List<IamStatements.Statement> invokes = IamStatements.ofRole(template, "BotWebhookRole").stream()
                .filter(statement -> statement.actions().stream().anyMatch(a -> String.valueOf(a).startsWith("lambda:")))
                .toList();

        assertThat(invokes).hasSize(2).allSatisfy(statement ->
                assertThat(statement.actions()).containsExactly("lambda:InvokeFunction"));
        assertThat(invokes).flatExtracting(IamStatements.Statement::resources).containsExactlyInAnyOrder(
                Map.of("Ref", "IngestionFunctionAliaslive"), Map.of("Ref", "DeliveryFunctionAliaslive"));
    }

    @Test
    void evaluationMayInvokeOnlyDeliveryAndDeliveryOnlyItself() {
        assertThat(IamStatements.ofRole(template, "EvaluationRole").stream()
                .filter(statement -> statement.actions().contains("lambda:InvokeFunction")))
                .singleElement().satisfies(statement ->
                        assertThat(statement.resources()).containsExactly(Map.of("Ref", "DeliveryFunctionAliaslive")));
        assertThat(IamStatements.ofRole(template, "DeliveryRole").stream()
                .filter(statement -> statement.actions().contains("lambda:InvokeFunction")))
                .singleElement().satisfies(statement -> assertThat(statement.resources()).containsExactly(Map.of(
                        "Fn::Sub", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:"
                                + "${AWS::StackName}-delivery:live")));
    }

    @Test
    void schedulerRolesCanOnlyBeAssumedBySchedulerOfThisAccount() {
        for (String role : List.of("IngestionSchedulerRole", "SweepSchedulerRole", "DigestSchedulerRole")) {
            Object trust = Template.map(template.resource(role).get("Properties")).get("AssumeRolePolicyDocument");
            Map<String, Object> statement = Template.map(Template.oneOrMany(Template.map(trust).get("Statement")).get(0));
            assertThat(statement.get("Principal")).as(role).isEqualTo(Map.of("Service", "scheduler.amazonaws.com"));
            assertThat(statement.get("Condition")).as(role)
                    .isEqualTo(Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        }
    }
}
