package dev.fxalert.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler classes the template names exist in the modules that build the jars (this module has them on its
 * test classpath). Fails until the ingestion, evaluation and bot branches with the handlers are merged.
 */
class HandlerClassesExistTest {

    @Test
    void handlerClassesNamedInTheTemplateExistOnTheClasspath() throws IOException {
        Template template = Template.load();

        template.propertiesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String handler = String.valueOf(function.get("Handler"));
            String className = handler.substring(0, handler.indexOf("::"));
            String method = handler.substring(handler.indexOf("::") + 2);
            Class<?> type;
            try {
                type = Class.forName(className, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(id + ": handler class " + className + " is not on the classpath", e);
            }
            assertThat(type.getMethods()).as(id + ": public " + method + " method")
                    .anyMatch(candidate -> candidate.getName().equals(method));
        });
    }
}
