package dev.fxalert.bot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** LOG_LEVEL means in the local app what it means on Lambda: the root log level (application.properties). */
class LogLevelSettingTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void logLevelSetsTheRootLevelOfTheLocalApp() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).properties("LOG_LEVEL=WARN").run()) {
            assertThat(((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).getLevel()).isEqualTo(Level.WARN);
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(before);
        }
    }
}
