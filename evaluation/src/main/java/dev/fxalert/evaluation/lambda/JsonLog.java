package dev.fxalert.evaluation.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * One JSON object per line on stdout, which CloudWatch keeps as structured log events; every line of an
 * invocation carries the EventBridge event id as {@code correlationId}. Never given secrets.
 */
public final class JsonLog {

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final Clock clock;

    public JsonLog(ObjectMapper mapper, PrintStream out, Clock clock) {
        this.mapper = mapper;
        this.out = out;
        this.clock = clock;
    }

    public void info(String correlationId, String message, Map<String, ?> fields) {
        write("INFO", correlationId, message, fields);
    }

    public void warn(String correlationId, String message, Map<String, ?> fields) {
        write("WARN", correlationId, message, fields);
    }

    public void error(String correlationId, String message, Map<String, ?> fields) {
        write("ERROR", correlationId, message, fields);
    }

    private void write(String level, String correlationId, String message, Map<String, ?> fields) {
        ObjectNode line = mapper.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("logger", "evaluation");
        line.put("correlationId", correlationId);
        line.put("message", message);
        fields.forEach((key, value) -> line.set(key, mapper.valueToTree(value)));
        synchronized (out) {
            out.println(line);
        }
    }
}
