package dev.fxalert.infra;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code main} of a function container (a child JVM started by {@link FunctionContainer}): a minimal Java
 * runtime speaking the Lambda Runtime API ({@code AWS_LAMBDA_RUNTIME_API}) the way the managed runtime does:
 * instantiate the {@code _HANDLER} class once with its no-argument constructor (init), then loop on
 * {@code /invocation/next}, calling {@code handleRequest} and posting the response or the error.
 * <p>
 * Stream handlers get the raw event bytes; typed handlers ({@link RequestHandler}) get the event deserialized with
 * Jackson into their declared type, as the managed runtime's serializer does for the aws-lambda-java-events types.
 * Only a stand-in for the official runtime interface client, which is not a dependency of this build.
 */
public final class LambdaRuntimeLoop {

    private static final String BASE = "/2018-06-01/runtime";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private LambdaRuntimeLoop() {
    }

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API");
        HttpClient http = HttpClient.newHttpClient();
        String handlerName = System.getenv("_HANDLER");
        String className = handlerName.contains("::") ? handlerName.substring(0, handlerName.indexOf("::")) : handlerName;
        Object handler;
        try {
            handler = Class.forName(className).getConstructor().newInstance();
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            cause.printStackTrace();
            post(http, api + BASE + "/init/error", error(cause));
            System.exit(1);
            return;
        }
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(api + BASE + "/invocation/next")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            String arn = next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse("");
            try {
                long deadline = next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong)
                        .orElse(System.currentTimeMillis() + 60_000);
                byte[] result = invoke(handler, next.body(), new InvocationContext(requestId, arn, deadline));
                post(http, api + BASE + "/invocation/" + requestId + "/response", result);
            } catch (Throwable e) {
                e.printStackTrace();
                post(http, api + BASE + "/invocation/" + requestId + "/error", error(e));
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] invoke(Object handler, byte[] event, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), output, context);
            return output.toByteArray();
        }
        Method typed = null;
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()) {
                typed = method;
            }
        }
        Object input = JSON.readValue(event, typed.getParameterTypes()[0]);
        Object output = ((RequestHandler) handler).handleRequest(input, context);
        return JSON.writeValueAsBytes(output);
    }

    private static byte[] error(Throwable e) throws Exception {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return JSON.writeValueAsBytes(Map.of("errorMessage", String.valueOf(e.getMessage()),
                "errorType", e.getClass().getName(), "stackTrace", trace.toString().lines().toList()));
    }

    private static void post(HttpClient http, String url, byte[] body) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private record InvocationContext(String getAwsRequestId, String getInvokedFunctionArn, long deadline)
            implements Context {
        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + getFunctionName();
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.print(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
