package dev.fxalert.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.fxalert.infra.Template.map;
import static dev.fxalert.infra.Template.oneOrMany;

/**
 * One role's Allow statements with concrete resource ARNs (resolved by {@link ResolvedTemplate}), split into
 * single (action, resource) grants, so that each AWS call a function makes can be checked against them, and the
 * grants no call used can be listed. Resource patterns follow IAM: {@code *} and {@code ?} wildcards, case-sensitive.
 */
final class ResolvedPolicy {

    /** One AWS call as IAM authorizes it: {@code dynamodb:Query} on {@code arn:...:table/T/index/I}. */
    record Call(String principal, String action, String resource) {
        @Override
        public String toString() {
            return principal + " " + action + " " + resource;
        }
    }

    /** One action on one resource pattern, from the statement {@code sid}. */
    record Grant(String sid, String action, String resource) {
        boolean covers(String callAction, String callResource) {
            return action.equalsIgnoreCase(callAction) && wildcard(resource).matcher(callResource).matches();
        }

        @Override
        public String toString() {
            return sid + ": " + action + " " + resource;
        }
    }

    private final String role;
    private final List<Grant> grants;

    private ResolvedPolicy(String role, List<Grant> grants) {
        this.role = role;
        this.grants = grants;
    }

    /** The policy of the role a function runs as ({@code Role: !GetAtt X.Arn}). */
    static ResolvedPolicy ofFunction(ResolvedTemplate resolved, String functionId) {
        Object role = map(resolved.template().resource(functionId).get("Properties")).get("Role");
        String roleId = String.valueOf(((List<?>) map(role).get("Fn::GetAtt")).get(0));
        return ofRole(resolved, roleId);
    }

    static ResolvedPolicy ofRole(ResolvedTemplate resolved, String roleId) {
        List<Grant> grants = new ArrayList<>();
        for (IamStatements.Statement statement : IamStatements.ofRole(resolved.template(), roleId)) {
            if (!statement.allows()) {
                continue;
            }
            for (Object action : statement.actions()) {
                for (Object resource : oneOrMany(resolved.resolve(statement.body().get("Resource")))) {
                    grants.add(new Grant(statement.sid(), String.valueOf(action), String.valueOf(resource)));
                }
            }
        }
        return new ResolvedPolicy(roleId, List.copyOf(grants));
    }

    String role() {
        return role;
    }

    List<Grant> grants() {
        return grants;
    }

    boolean allows(String action, String resource) {
        return grants.stream().anyMatch(grant -> grant.covers(action, resource));
    }

    /** Grants that none of {@code calls} needed. */
    List<Grant> unused(List<Call> calls) {
        Set<Grant> unused = new LinkedHashSet<>(grants);
        for (Call call : calls) {
            unused.removeIf(grant -> grant.covers(call.action(), call.resource()));
        }
        return List.copyOf(unused);
    }

    private static Pattern wildcard(String resource) {
        StringBuilder regex = new StringBuilder();
        for (char c : resource.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return role + grants;
    }

    static Map<String, Object> accessDenied(Call call) {
        return Map.of("__type", "AccessDeniedException", "message", "User: " + call.principal()
                + " is not authorized to perform: " + call.action() + " on resource: " + call.resource()
                + " because no identity-based policy allows the " + call.action() + " action");
    }
}
