package dev.fxalert.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fxalert.admin.alerts.AlertListView;
import dev.fxalert.admin.alerts.AlertView;
import dev.fxalert.admin.api.AdminServices;
import dev.fxalert.admin.api.ErrorBody;
import dev.fxalert.admin.auth.AdminAuthenticator;
import dev.fxalert.admin.broadcast.BroadcastReport;
import dev.fxalert.admin.broadcast.BroadcastRequest;
import dev.fxalert.admin.ingestion.IngestionRunView;
import dev.fxalert.admin.journal.OperationsJournal;
import dev.fxalert.admin.schedule.ScheduleChange;
import dev.fxalert.admin.schedule.ScheduleView;
import dev.fxalert.admin.sources.SourcesView;
import dev.fxalert.admin.stats.AdminStats;
import dev.fxalert.admin.operator.AuditEntryView;
import dev.fxalert.admin.operator.AuditListView;
import dev.fxalert.admin.testing.InMemoryAlertStore;
import dev.fxalert.admin.testing.InMemoryAuditLog;
import dev.fxalert.admin.users.UserSearchView;
import dev.fxalert.admin.testing.InMemoryUserStore;
import dev.fxalert.admin.users.UserView;
import dev.fxalert.core.port.RateSources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI document ({@code META-INF/resources/admin-openapi.yaml}, served by the local app) says
 * what the router does: the same paths and methods, and schemas with exactly the fields of the records it writes.
 */
class AdminOpenApiDocumentTest {

    static final String DOCUMENT = "META-INF/resources/admin-openapi.yaml";

    private static final List<Class<? extends Record>> BODIES = List.of(ErrorBody.class, AdminStats.class,
            AdminStats.Users.class, AdminStats.Pushes.class, AdminStats.Lag.class, AdminStats.Ingestion.class,
            AdminStats.ProviderStatus.class, UserView.class, AlertView.class, AlertView.FiringView.class, AlertView.PushView.class, AlertView.MoveView.class,
            AlertListView.class, IngestionRunView.class, ScheduleView.class, ScheduleChange.class,
            BroadcastRequest.class, BroadcastReport.class, UserSearchView.class, UserSearchView.UserSummary.class,
            AuditListView.class, AuditEntryView.class, SourcesView.class, SourcesView.Source.class,
            dev.fxalert.admin.digest.DigestSchedulingReport.class);

    private final JsonNode document = read();

    @Test
    void documentsExactlyTheRoutesTheRouterServes() {
        AdminHttpApi api = new AdminHttpApi(AdminAuthenticator.of(Optional.empty()), AdminServices.wire(
                new InMemoryUserStore(), new InMemoryAlertStore(), new InMemoryAuditLog(), new OperationsJournal(Clock.systemUTC()),
                null, null, null, RateSources.none(), Clock.systemUTC()));
        Set<String> routed = api.routes().stream().map(route -> route.method() + " " + route.path())
                .collect(Collectors.toSet());

        assertThat(documented()).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void everySchemaHasExactlyTheFieldsOfTheRecordTheApiWrites() {
        for (Class<? extends Record> body : BODIES) {
            JsonNode schema = document.path("components").path("schemas").path(body.getSimpleName());
            assertThat(schema.isObject()).as("schema %s", body.getSimpleName()).isTrue();
            Set<String> properties = new HashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of %s", body.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(body.getRecordComponents())
                            .map(RecordComponent::getName).toList());
        }
        Set<String> schemas = new HashSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).as("schemas no record stands behind")
                .containsExactlyInAnyOrderElementsOf(BODIES.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = document.findValues("$ref").stream().map(JsonNode::asText).toList();

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        });
    }

    @Test
    void theOperatorsGuideHasASectionForEveryRoute() throws IOException {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "admin-api.md"));
        List<String> headings = guide.lines().filter(line -> line.startsWith("### ")).toList();

        for (String operation : documented()) {
            assertThat(headings).as("a '### ' heading naming `%s` in docs/admin-api.md", operation)
                    .anySatisfy(heading -> assertThat(heading).contains("`" + operation));
        }
    }

    /** "METHOD /path" for every operation in the document. */
    static Set<String> documented() {
        Set<String> operations = new HashSet<>();
        JsonNode paths = read().path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            paths.path(path).fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        return operations;
    }

    /** The properties of the JSON object the document says {@code method path} answers with 200. */
    static Set<String> responseFields(String method, String path) {
        JsonNode document = read();
        JsonNode ok = resolve(document, document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path("200"));
        JsonNode schema = resolve(document, ok.path("content").path("application/json").path("schema"));
        assertThat(schema.path("properties").isObject()).as("200 schema of %s %s", method, path).isTrue();
        Set<String> fields = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.path("$ref").asText().substring(1)) : node;
    }

    static JsonNode read() {
        try (InputStream in = AdminOpenApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
