package dev.fxalert.core.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the code under test logs, as the JSON lines a Lambda would write: each event is encoded, on the logging
 * thread and at the moment it is logged (so its MDC is the caller's), by the encoder of the Lambda log configuration
 * (infra/lambda/logback.xml, which the parent pom's surefire configuration loads; loaded here when a test runs
 * without it). Close it to stop capturing.
 */
public final class LogCapture implements AutoCloseable {

    private static final String CONFIG = "infra/lambda/logback.xml";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Logger root;
    private final Encoder<ILoggingEvent> encoder;
    private final List<String> lines = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8).strip();
            synchronized (lines) {
                lines.add(line);
            }
        }
    };

    private LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("JSON") instanceof OutputStreamAppender<ILoggingEvent>)) {
            configure(context);
        }
        encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON")).getEncoder();
        appender.setContext(context);
        appender.setName("capture");
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every line logged so far, parsed; each must be one JSON object. */
    public List<JsonNode> lines() {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : rawLines()) {
            try {
                parsed.add(mapper.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("log line is not one JSON object: " + line, e);
            }
        }
        return parsed;
    }

    /** Lines logged so far by the given logger (its name, e.g. a class's full name). */
    public List<JsonNode> linesOf(Class<?> logger) {
        return lines().stream().filter(line -> logger.getName().equals(line.path("logger").asText())).toList();
    }

    public List<String> rawLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }

    private static void configure(LoggerContext context) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(CONFIG))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(CONFIG + " not found above " + Path.of("").toAbsolutePath());
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(dir.resolve(CONFIG).toFile());
        } catch (JoranException e) {
            throw new UncheckedIOException(new IOException("cannot load " + CONFIG, e));
        }
    }
}
