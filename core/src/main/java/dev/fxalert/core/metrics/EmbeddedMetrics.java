package dev.fxalert.core.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * CloudWatch metrics from a Lambda function without an API call: one line of the embedded metric format (EMF) on
 * standard output per {@link #emit}, which Lambda's log agent turns into metrics of namespace {@value #NAMESPACE}
 * with the dimension {@code Service} (e.g. {@code evaluation}). Alarms in infra/template.yaml watch them. The format
 * is small and stable, hence a writer of ~50 lines rather than a library on every cold start.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">EMF specification</a>
 */
public final class EmbeddedMetrics {

    public static final String NAMESPACE = "FxAlert";
    public static final String DIMENSION = "Service";

    /** One value; {@code unit} is a CloudWatch unit such as {@code Count} or {@code Milliseconds}. */
    public record Metric(String name, String unit, double value) {
        public Metric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }

        public static Metric count(String name, long value) {
            return new Metric(name, "Count", value);
        }

        public static Metric millis(String name, long value) {
            return new Metric(name, "Milliseconds", value);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final PrintStream out;
    private final Clock clock;

    public EmbeddedMetrics(String service, PrintStream out, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes {@code metrics} as one EMF line (nothing when empty). */
    public void emit(List<Metric> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        out.println(annotate(JSON.createObjectNode(), metrics));
    }

    public void emit(Metric... metrics) {
        emit(List.of(metrics));
    }

    /**
     * Makes an existing JSON log line carry {@code metrics} as well (EMF allows other fields beside them), so a
     * summary line stays one line. Returns {@code line}.
     */
    public ObjectNode annotate(ObjectNode line, List<Metric> metrics) {
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode definitions = directive.putArray("Metrics");
        line.put(DIMENSION, service);
        for (Metric metric : metrics) {
            definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit());
            line.put(metric.name(), metric.value());
        }
        return line;
    }
}
