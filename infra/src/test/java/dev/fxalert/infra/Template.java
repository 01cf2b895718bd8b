package dev.fxalert.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed template with the look-ups the checks need. Nodes are the YAML's maps, lists and scalars. */
record Template(Map<String, Object> root) {

    static final Path REPOSITORY_ROOT = Path.of(System.getProperty("fxalert.repository.root", "..")).normalize();
    static final Path FILE = REPOSITORY_ROOT.resolve("infra/template.yaml");

    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.[A-Za-z0-9.]+)?}");

    static Template load() throws IOException {
        return new Template(CloudFormationYaml.load(FILE));
    }

    Map<String, Object> section(String name) {
        return map(root.getOrDefault(name, Map.of()));
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> parameters() {
        return section("Parameters");
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return map(resource);
    }

    /** Logical id to Properties of every resource of {@code type}, in template order. */
    Map<String, Map<String, Object>> propertiesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> r = map(resource);
            if (type.equals(r.get("Type"))) {
                found.put(id, map(r.getOrDefault("Properties", Map.of())));
            }
        });
        return found;
    }

    /** A function's property, falling back to Globals.Function as SAM does. */
    Object functionProperty(Map<String, Object> functionProperties, String name) {
        Object own = functionProperties.get(name);
        if (own != null) {
            return own;
        }
        return map(section("Globals").getOrDefault("Function", Map.of())).get(name);
    }

    /**
     * Logical ids of resources and parameters a node refers to through Ref, Fn::GetAtt or Fn::Sub placeholders
     * (pseudo parameters such as AWS::Region left out).
     */
    static Set<String> referencesIn(Object node) {
        Set<String> references = new LinkedHashSet<>();
        collectReferences(node, references);
        references.removeIf(id -> id.startsWith("AWS::"));
        return references;
    }

    private static void collectReferences(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> {
                if ("Ref".equals(key) && value instanceof String id) {
                    into.add(id);
                } else if ("Fn::GetAtt".equals(key) && value instanceof List<?> parts && !parts.isEmpty()) {
                    into.add(String.valueOf(parts.get(0)));
                } else if ("Fn::Sub".equals(key)) {
                    Object pattern = value instanceof List<?> list ? list.get(0) : value;
                    Matcher matcher = SUB_PLACEHOLDER.matcher(String.valueOf(pattern));
                    while (matcher.find()) {
                        into.add(matcher.group(1));
                    }
                    if (value instanceof List<?> list && list.size() > 1) {
                        collectReferences(list.get(1), into);
                    }
                } else {
                    collectReferences(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    /** A YAML value that may be a single item or a list, as IAM's Action and Resource are. */
    static List<Object> oneOrMany(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List<?> list ? new ArrayList<>(list) : List.of(node);
    }
}
