package dev.fxalert.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fxalert.infra.Template.map;

/**
 * The template as CloudFormation would resolve it in one (fake) account, region and stack: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub} and {@code Fn::Join} turned into the concrete names and ARNs each resource type
 * returns (as documented per type), parameters from the given values or their defaults. Physical names that
 * CloudFormation generates ({@code stack-LogicalId-RANDOM}) are made up the same way; what matters is that every
 * reference to one resource resolves to the same string, so a function's environment and its role's IAM resources
 * agree exactly when the template is right.
 */
final class ResolvedTemplate {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String STACK = "fx-alert";
    private static final String SUFFIX = "E2E0TEST";
    /** SAM's AutoPublishAlias creates {@code <Function>Alias<name>} resources that the raw template does not hold. */
    private static final Pattern SAM_ALIAS = Pattern.compile("(.+)Alias([A-Za-z0-9]+)");
    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.([A-Za-z0-9.]+))?}");

    private final Template template;
    private final Map<String, String> parameters;

    ResolvedTemplate(Template template, Map<String, String> parameterValues) {
        this.template = template;
        this.parameters = new LinkedHashMap<>();
        template.parameters().forEach((name, node) -> {
            Object fallback = map(node).get("Default");
            if (parameterValues.containsKey(name)) {
                parameters.put(name, parameterValues.get(name));
            } else if (fallback != null) {
                parameters.put(name, String.valueOf(fallback));
            }
        });
    }

    Template template() {
        return template;
    }

    /** A resolved scalar (or a list of them, for IAM's Resource lists) of any template node. */
    Object resolve(Object node) {
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(item -> resolved.add(resolve(item)));
            return resolved;
        }
        if (!(node instanceof Map<?, ?> m)) {
            return node == null ? null : String.valueOf(node);
        }
        if (m.size() == 1) {
            Map.Entry<?, ?> entry = m.entrySet().iterator().next();
            Object value = entry.getValue();
            switch (String.valueOf(entry.getKey())) {
                case "Ref" -> {
                    return ref(String.valueOf(value));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = (List<?>) value;
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    return sub(value);
                }
                case "Fn::Join" -> {
                    List<?> parts = (List<?>) value;
                    List<String> items = new ArrayList<>();
                    ((List<?>) parts.get(1)).forEach(item -> items.add(text(item)));
                    return String.join(String.valueOf(parts.get(0)), items);
                }
                default -> {
                }
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        m.forEach((key, value) -> resolved.put(String.valueOf(key), resolve(value)));
        return resolved;
    }

    String text(Object node) {
        return String.valueOf(resolve(node));
    }

    /** A function's Environment.Variables, resolved. */
    Map<String, String> environment(String functionId) {
        Map<String, Object> properties = map(template.resource(functionId).get("Properties"));
        Map<String, Object> variables = map(map(properties.getOrDefault("Environment", Map.of("Variables", Map.of())))
                .getOrDefault("Variables", Map.of()));
        Map<String, String> env = new LinkedHashMap<>();
        variables.forEach((name, value) -> env.put(name, text(value)));
        return env;
    }

    String ref(String id) {
        switch (id) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::StackName":
                return STACK;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (parameters.containsKey(id)) {
            return parameters.get(id);
        }
        if (template.parameters().containsKey(id)) {
            throw new AssertionError("parameter " + id + " has no default and no value was given");
        }
        Matcher alias = SAM_ALIAS.matcher(id);
        if (!template.resources().containsKey(id) && alias.matches() && template.resources().containsKey(alias.group(1))) {
            return getAtt(alias.group(1), "Arn") + ":" + alias.group(2); // Ref of an alias is its ARN
        }
        Map<String, Object> resource = template.resource(id);
        Map<String, Object> properties = map(resource.getOrDefault("Properties", Map.of()));
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::DynamoDB::Table" -> physicalName(id);
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:"
                    + physicalName(id) + "-AbCdEf";
            case "AWS::Events::EventBus", "AWS::Scheduler::ScheduleGroup", "AWS::Scheduler::Schedule" ->
                    text(properties.get("Name"));
            case "AWS::Serverless::Function" -> functionName(id);
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + physicalName(id);
            case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + physicalName(id);
            case "AWS::Logs::LogGroup" -> text(properties.get("LogGroupName"));
            case "AWS::ApiGatewayV2::Api" -> "abcd1234";
            default -> physicalName(id);
        };
    }

    String getAtt(String id, String attribute) {
        Map<String, Object> resource = template.resource(id);
        Map<String, Object> properties = map(resource.getOrDefault("Properties", Map.of()));
        String type = String.valueOf(resource.get("Type"));
        String key = type + "." + attribute;
        return switch (key) {
            case "AWS::DynamoDB::Table.Arn" -> "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ref(id);
            case "AWS::Events::EventBus.Arn" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + ref(id);
            case "AWS::Events::Rule.Arn" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/"
                    + text(properties.get("EventBusName")) + "/" + physicalName(id);
            case "AWS::Scheduler::Schedule.Arn" -> "arn:aws:scheduler:" + REGION + ":" + ACCOUNT + ":schedule/"
                    + text(properties.get("GroupName")) + "/" + text(properties.get("Name"));
            case "AWS::Serverless::Function.Arn" -> "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName(id);
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + ACCOUNT + ":role/" + physicalName(id);
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + physicalName(id);
            case "AWS::SQS::Queue.QueueName" -> physicalName(id);
            case "AWS::Logs::LogGroup.Arn" -> "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + ref(id) + ":*";
            default -> throw new AssertionError("no fake value for Fn::GetAtt " + id + "." + attribute + " (" + type + ")");
        };
    }

    private String sub(Object value) {
        String pattern = value instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(value);
        Map<String, Object> variables = value instanceof List<?> list && list.size() > 1 ? map(list.get(1)) : Map.of();
        Matcher matcher = SUB_PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables.containsKey(name)) {
                replacement = text(variables.get(name));
            } else if (matcher.group(2) != null) {
                replacement = getAtt(name, matcher.group(2));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String functionName(String id) {
        Object name = map(template.resource(id).getOrDefault("Properties", Map.of())).get("FunctionName");
        return name == null ? physicalName(id) : text(name);
    }

    private static String physicalName(String id) {
        return STACK + "-" + id + "-" + SUFFIX;
    }
}
