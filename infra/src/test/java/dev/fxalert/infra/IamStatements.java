package dev.fxalert.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;

/** Every IAM statement in a template, whoever holds it: roles, managed and inline policies, queue and SAM policies. */
final class IamStatements {

    /** @param owner logical id of the role/policy/function/queue policy that holds the statement */
    record Statement(String owner, Map<String, Object> body) {
        String sid() {
            return String.valueOf(body.getOrDefault("Sid", "(no Sid)"));
        }

        List<Object> actions() {
            return oneOrMany(body.get("Action"));
        }

        List<Object> resources() {
            return oneOrMany(body.get("Resource"));
        }

        boolean allows() {
            return "Allow".equals(body.get("Effect"));
        }
    }

    private IamStatements() {
    }

    static List<Statement> all(Template template) {
        List<Statement> statements = new ArrayList<>();
        template.resources().forEach((id, node) -> {
            Map<String, Object> resource = map(node);
            Map<String, Object> properties = map(resource.getOrDefault("Properties", Map.of()));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::IAM::Role" -> {
                    oneOrMany(properties.get("Policies")).forEach(policy ->
                            addDocument(id, map(policy).get("PolicyDocument"), statements));
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                        addDocument(id, properties.get("PolicyDocument"), statements);
                case "AWS::Serverless::Function" -> oneOrMany(properties.get("Policies")).forEach(policy -> {
                    // SAM policy templates and managed policy names have no statements to check here.
                    if (policy instanceof Map<?, ?> m && m.containsKey("Statement")) {
                        addDocument(id, policy, statements);
                    }
                });
                default -> {
                }
            }
        });
        return statements;
    }

    /** Statements of one role only. */
    static List<Statement> ofRole(Template template, String roleId) {
        return all(template).stream().filter(statement -> statement.owner().equals(roleId)).toList();
    }

    private static void addDocument(String owner, Object document, List<Statement> into) {
        if (document == null) {
            return;
        }
        oneOrMany(map(document).get("Statement")).forEach(statement -> into.add(new Statement(owner, map(statement))));
    }

    /** Literal wildcards: an action of "*" or "service:*", a resource of "*", and any NotAction/NotResource. */
    static List<String> wildcardGrants(List<Statement> statements) {
        List<String> findings = new ArrayList<>();
        for (Statement statement : statements) {
            if (!statement.allows()) {
                continue;
            }
            String where = statement.owner() + "/" + statement.sid();
            if (statement.body().containsKey("NotAction") || statement.body().containsKey("NotResource")) {
                findings.add(where + ": NotAction/NotResource grants everything else");
            }
            for (Object action : statement.actions()) {
                if (action instanceof String a && a.contains("*")) {
                    findings.add(where + ": action " + a);
                }
            }
            for (Object resource : statement.resources()) {
                if ("*".equals(resource)) {
                    findings.add(where + ": resource *");
                }
            }
        }
        return findings;
    }
}
