package dev.fxalert.core.snapstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.core.log.LogCorrelation;
import dev.fxalert.core.metrics.EmbeddedMetrics;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Primes a Lambda handler's request path before the SnapStart snapshot, so the first invocation after a restore
 * finds its classes loaded, its JSON mappers and message formats built, instead of doing that work while a user
 * waits. One per handler: each gives its own synthetic request, this class runs it at the right moment.
 *
 * <p>Protocol (Lambda's Java runtime drives it through {@code org.crac}):
 * <ol>
 *   <li>{@link #beforeCheckpoint}: runs what every handler shares (JSON, log correlation, the EMF writer into a
 *       discarding stream, so no metric is counted) and then the handler's warm-up. A warm-up reads no secret
 *       and calls no store and no network: the snapshot is shared by every environment restored from it, a
 *       secret in it would outlive a rotation (issue 13), and a connection or credentials in it would be stale.
 *       What needs a secret is built with a made-up one and thrown away. A warm-up that fails is logged and the
 *       snapshot taken anyway: a cold path is slower, never wrong.</li>
 *   <li>{@link #afterRestore}: clears what the warm-up left on its thread (the log correlation) and runs the
 *       handler's own reset. Secrets need nothing here: no warm-up read one, so the first invocation reads them
 *       ({@code SecretBound}); the AWS SDK resolves credentials on its first call, which no warm-up made.</li>
 * </ol>
 * The global CRaC context may hold resources weakly: the handler keeps the returned object in a field. Without a
 * CRaC runtime (local runs, tests) the hooks never run unless a test calls them.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final String SAMPLE = "{\"version\":\"0\",\"id\":\"snapstart-priming\",\"detail\":{\"pair\":\"USD/KRW\","
            + "\"rate\":\"1385.20\"},\"resources\":[]}";

    private final String name;
    private final Runnable warmUp;
    private final Runnable afterRestore;
    private volatile boolean primed;

    private SnapStartPriming(String name, Runnable warmUp, Runnable afterRestore) {
        this.name = name;
        this.warmUp = warmUp;
        this.afterRestore = afterRestore;
    }

    /** A priming not registered anywhere, for tests that drive the hooks themselves. */
    public static SnapStartPriming of(String name, Runnable warmUp, Runnable afterRestore) {
        return new SnapStartPriming(name, warmUp, afterRestore);
    }

    /**
     * Registers with the global CRaC context, which SnapStart's runtime checkpoints and restores.
     *
     * @param name         the function, for the log line
     * @param warmUp       the handler's synthetic request: no secret, no store, no network
     * @param afterRestore what the handler must make fresh after a restore (often nothing)
     * @return the resource, which the caller must keep referenced
     */
    public static SnapStartPriming register(String name, Runnable warmUp, Runnable afterRestore) {
        SnapStartPriming priming = of(name, warmUp, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try (LogCorrelation.Scope ignored = LogCorrelation.invocation("snapstart-priming")) {
            ObjectMapper mapper = new ObjectMapper();
            mapper.writeValueAsString(mapper.readValue(SAMPLE, Map.class));
            new EmbeddedMetrics(name, new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC())
                    .emit(EmbeddedMetrics.Metric.count("Priming", 0));
            warmUp.run();
            primed = true;
            log.info("Primed {} for the snapshot in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            log.warn("Priming {} failed; the snapshot is taken unprimed", name, e);
        }
    }

    /** Whether the last {@link #beforeCheckpoint} ran its warm-up to the end (a failed one is only logged). */
    public boolean primed() {
        return primed;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        MDC.clear();
        afterRestore.run();
    }
}
