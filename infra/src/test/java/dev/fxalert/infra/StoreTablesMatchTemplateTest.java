package dev.fxalert.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template declares exactly the keys and indexes the DynamoDB store creates for its own tests
 * (store-dynamodb's package-private DynamoDbTables, a test dependency of this module: a missing class fails).
 */
class StoreTablesMatchTemplateTest {

    private static final String TABLES = "dev.fxalert.core.store.dynamodb.DynamoDbTables";

    @Test
    void templateTablesHaveTheKeysAndIndexesTheStoreCreates() throws Exception {
        Class<?> tables = Class.forName(TABLES);
        Template template = Template.load();
        Map<String, String> methodOfTable = Map.of(
                "UsersTable", "users", "AlertsTable", "alerts", "RateHistoryTable", "rateHistory");

        for (Map.Entry<String, String> entry : methodOfTable.entrySet()) {
            Method method = tables.getDeclaredMethod(entry.getValue(), String.class);
            method.setAccessible(true);
            CreateTableRequest expected = (CreateTableRequest) method.invoke(null, "t");
            Map<String, Object> actual = map(template.resource(entry.getKey()).get("Properties"));

            assertThat(shape(actual)).as(entry.getKey()).isEqualTo(shape(expected));
        }
    }

    /** Key schema, attribute types and indexes (name, keys, projection) as comparable text. */
    private static Map<String, Object> shape(CreateTableRequest request) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("keys", request.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        Map<String, String> attributes = new java.util.TreeMap<>();
        request.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
        shape.put("attributes", attributes);
        Map<String, Object> indexes = new java.util.TreeMap<>();
        request.globalSecondaryIndexes().forEach(index -> indexes.put(index.indexName(), List.of(
                index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                index.projection().projectionTypeAsString())));
        shape.put("indexes", indexes);
        return shape;
    }

    private static Map<String, Object> shape(Map<String, Object> properties) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("keys", keys(properties.get("KeySchema")));
        Map<String, String> attributes = new java.util.TreeMap<>();
        oneOrMany(properties.get("AttributeDefinitions")).forEach(a ->
                attributes.put(String.valueOf(map(a).get("AttributeName")), String.valueOf(map(a).get("AttributeType"))));
        shape.put("attributes", attributes);
        Map<String, Object> indexes = new java.util.TreeMap<>();
        oneOrMany(properties.get("GlobalSecondaryIndexes")).forEach(index -> indexes.put(
                String.valueOf(map(index).get("IndexName")),
                List.of(keys(map(index).get("KeySchema")), String.valueOf(map(map(index).get("Projection")).get("ProjectionType")))));
        shape.put("indexes", indexes);
        return shape;
    }

    private static List<String> keys(Object keySchema) {
        return oneOrMany(keySchema).stream()
                .map(k -> map(k).get("AttributeName") + ":" + map(k).get("KeyType")).toList();
    }
}
