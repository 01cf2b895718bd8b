package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;
import static org.assertj.core.api.Assertions.assertThat;

/** The three tables, keyed and indexed as the DynamoDB store (docs/dynamodb.md) reads them, and protected. */
class DataTest {

    private static Template template;
    private static Map<String, Map<String, Object>> tables;

    @BeforeAll
    static void load() throws IOException {
        template = Template.load();
        tables = template.propertiesOfType("AWS::DynamoDB::Table");
    }

    @Test
    void everyTableIsOnDemandWithPointInTimeRecoveryAndDeletionProtectionAsAParameter() {
        assertThat(tables).containsOnlyKeys("UsersTable", "AlertsTable", "RateHistoryTable");
        tables.forEach((id, table) -> {
            assertThat(table.get("BillingMode")).as(id).isEqualTo("PAY_PER_REQUEST");
            assertThat(map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))
                    .as(id + " PITR").isEqualTo(true);
            assertThat(table.get("DeletionProtectionEnabled")).as(id)
                    .isEqualTo(Map.of("Ref", "TableDeletionProtection"));
            assertThat(template.resource(id).get("DeletionPolicy")).as(id + ": a stack delete keeps the data")
                    .isEqualTo("Retain");
            assertThat(template.resource(id).get("UpdateReplacePolicy")).as(id).isEqualTo("Retain");
            assertThat(table).as(id + ": generated names, so two stacks can share an account")
                    .doesNotContainKey("TableName");
        });
        assertThat(map(template.parameters().get("TableDeletionProtection")).get("Default")).isEqualTo("true");
    }

    @Test
    void rateHistoryExpiresOldRatesThroughTtl() {
        assertThat(keys(tables.get("RateHistoryTable").get("KeySchema"))).containsExactly("pair", "observedKey");
        assertThat(tables.get("RateHistoryTable").get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
    }

    @Test
    void usersAreKeyedByUserIdAndPagedByActivityAndHoldTheAuditLog() {
        Map<String, Object> users = tables.get("UsersTable");
        assertThat(keys(users.get("KeySchema"))).containsExactly("userId");
        assertThat(indexes(users)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "activeById", List.of("activeKey", "userId"),
                "auditByTime", List.of("auditKey", "auditSort"),
                // issue 15: digest batches, the users of one digest time
                "digestById", List.of("digestTime", "userId")));
    }

    @Test
    void alertsHaveTheIndexesOfTheStoresQueries() {
        Map<String, Object> alerts = tables.get("AlertsTable");
        assertThat(keys(alerts.get("KeySchema"))).containsExactly("alertId");

        assertThat(indexes(alerts)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "byOwner", List.of("userId", "ownerSort"),
                "armedByThreshold", List.of("armedKey", "threshold"),
                "rearmableByBoundary", List.of("rearmKey", "rearmBoundary"),
                "pendingByFiredAt", List.of("pendingKey", "pendingSort"),
                "watchingByPair", List.of("watchKey"),
                // issue 14: the expiry sweep's range read
                "expiringByTime", List.of("expiryKey", "expirySort")));
    }

    private static Map<String, List<String>> indexes(Map<String, Object> table) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        oneOrMany(table.get("GlobalSecondaryIndexes")).forEach(index ->
                indexes.put(String.valueOf(map(index).get("IndexName")), keys(map(index).get("KeySchema"))));
        return indexes;
    }

    @Test
    void everyKeyAttributeIsDefinedWithItsTypeAndNoOtherIs() {
        tables.forEach((id, table) -> {
            Map<String, Object> defined = new LinkedHashMap<>();
            oneOrMany(table.get("AttributeDefinitions")).forEach(attribute ->
                    defined.put(String.valueOf(map(attribute).get("AttributeName")), map(attribute).get("AttributeType")));
            java.util.Set<String> used = new java.util.LinkedHashSet<>(keys(table.get("KeySchema")));
            oneOrMany(table.get("GlobalSecondaryIndexes")).forEach(index -> used.addAll(keys(map(index).get("KeySchema"))));
            assertThat(defined.keySet()).as(id).containsExactlyInAnyOrderElementsOf(used);
        });
        Map<String, Object> alertTypes = new LinkedHashMap<>();
        oneOrMany(tables.get("AlertsTable").get("AttributeDefinitions")).forEach(attribute ->
                alertTypes.put(String.valueOf(map(attribute).get("AttributeName")), map(attribute).get("AttributeType")));
        assertThat(alertTypes).as("thresholds are numbers, so range reads compare them as numbers")
                .containsEntry("threshold", "N").containsEntry("rearmBoundary", "N");
    }

    private static List<String> keys(Object keySchema) {
        return oneOrMany(keySchema).stream().map(key -> String.valueOf(map(key).get("AttributeName"))).toList();
    }
}
