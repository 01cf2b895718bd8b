package dev.fxalert.bot.local.metrics;

import dev.fxalert.bot.command.CommandObserver;
import dev.fxalert.bot.local.PipelineMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Micrometer adapter of {@link PipelineMetrics}, on the registry Spring Boot's actuator exposes on
 * {@code /actuator/prometheus}; an app context without a registry (some tests) runs unmeasured.
 */
@Configuration(proxyBeanMethods = false)
public class LocalMetricsConfiguration {

    @Bean
    PipelineMetrics pipelineMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? PipelineMetrics.NONE : new MicrometerPipelineMetrics(meters);
    }

    /** The chat bot's command counts (BotConfiguration takes any CommandObserver bean). */
    @Bean
    CommandObserver commandObserver(PipelineMetrics metrics) {
        return metrics.commands();
    }
}
