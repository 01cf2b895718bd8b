package dev.fxalert.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handlers the template names exist: on this module's test classpath (it depends on the three modules) and,
 * what a deployment needs, inside the jar each function's CodeUri points at. Both fail until the ingestion,
 * evaluation and bot branches with the handlers and their Lambda jars are merged.
 */
class HandlerClassesExistTest {

    private static Map<String, Map<String, Object>> functions;

    @BeforeAll
    static void load() throws IOException {
        functions = Template.load().propertiesOfType("AWS::Serverless::Function");
    }

    @Test
    void handlerClassesNamedInTheTemplateExistOnTheClasspath() {
        functions.forEach((id, function) -> assertHandlerLoads(id, function, HandlerClassesExistTest.class.getClassLoader()));
    }

    @Test
    void handlerClassesAreInsideTheJarsTheTemplateDeploys() throws IOException {
        for (Map.Entry<String, Map<String, Object>> entry : functions.entrySet()) {
            Path jar = Template.FILE.getParent().resolve(String.valueOf(entry.getValue().get("CodeUri"))).normalize();
            assertThat(jar).as(entry.getKey() + " CodeUri (build it with ./mvnw package)").isRegularFile();
            // Only the jar, no parent: the function gets nothing else at run time either.
            try (URLClassLoader deployed = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
                assertHandlerLoads(entry.getKey(), entry.getValue(), deployed);
            }
            assertThat(Files.size(jar)).as(entry.getKey() + ": Lambda's 50 MB zipped upload limit").isLessThan(50L << 20);
        }
    }

    private static void assertHandlerLoads(String id, Map<String, Object> function, ClassLoader loader) {
        String handler = String.valueOf(function.get("Handler"));
        String className = handler.substring(0, handler.indexOf("::"));
        String method = handler.substring(handler.indexOf("::") + 2);
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError(id + ": handler class " + className + " cannot be loaded: " + e, e);
        }
        assertThat(type.getMethods()).as(id + ": public " + method + " method of " + className)
                .anyMatch(candidate -> candidate.getName().equals(method));
    }
}
