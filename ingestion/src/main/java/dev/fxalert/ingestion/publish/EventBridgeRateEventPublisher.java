package dev.fxalert.ingestion.publish;

import dev.fxalert.core.domain.RateUpdated;
import dev.fxalert.core.event.RateUpdatedJson;
import dev.fxalert.core.port.RateEventPublisher;
import dev.fxalert.ingestion.retry.RetryPolicy;
import dev.fxalert.core.retry.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Publishes rate events to an EventBridge bus with PutEvents: at most 10 entries and 256 KB per call, as the API
 * allows. PutEvents answers HTTP 200 even when some entries failed ({@code FailedEntryCount}); those entries alone
 * are sent again, a bounded number of times, and whatever still fails is returned as unpublished.
 */
public final class EventBridgeRateEventPublisher implements RateEventPublisher {

    static final int MAX_ENTRIES_PER_CALL = 10;
    static final int MAX_BYTES_PER_CALL = 256 * 1024;
    /** EventBridge counts an entry's Time as 14 bytes. */
    private static final int TIME_BYTES = 14;

    private static final Logger log = LoggerFactory.getLogger(EventBridgeRateEventPublisher.class);

    private final EventBridgeClient client;
    private final String eventBusName;
    private final RateUpdatedJson json;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public EventBridgeRateEventPublisher(EventBridgeClient client, String eventBusName, RateUpdatedJson json,
                                         RetryPolicy retry, Sleeper sleeper, RandomGenerator random) {
        this.client = Objects.requireNonNull(client, "client");
        this.eventBusName = Objects.requireNonNull(eventBusName, "eventBusName");
        this.json = Objects.requireNonNull(json, "json");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public List<RateUpdated> publish(List<RateUpdated> events) {
        List<RateUpdated> unpublished = new ArrayList<>();
        List<Pending> batch = new ArrayList<>();
        int batchBytes = 0;
        for (RateUpdated event : events) {
            Pending pending = new Pending(event, entry(event));
            if (pending.bytes() > MAX_BYTES_PER_CALL) {
                log.error("rate event {} is {} bytes, over the PutEvents limit; not published", event.eventId(), pending.bytes());
                unpublished.add(event);
                continue;
            }
            if (batch.size() == MAX_ENTRIES_PER_CALL || batchBytes + pending.bytes() > MAX_BYTES_PER_CALL) {
                unpublished.addAll(send(batch));
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(pending);
            batchBytes += pending.bytes();
        }
        if (!batch.isEmpty()) {
            unpublished.addAll(send(batch));
        }
        return unpublished;
    }

    /** Sends one batch, then again only its failed entries, up to the retry policy's attempts. */
    private List<RateUpdated> send(List<Pending> batch) {
        List<Pending> remaining = batch;
        for (int attempt = 1; ; attempt++) {
            remaining = putEvents(remaining);
            if (remaining.isEmpty()) {
                return List.of();
            }
            if (attempt >= retry.maxAttempts()) {
                log.warn("{} rate events still not accepted by bus {} after {} attempts", remaining.size(), eventBusName, attempt);
                return remaining.stream().map(Pending::event).toList();
            }
            if (!pause(retry.delayAfter(attempt, random))) {
                return remaining.stream().map(Pending::event).toList();
            }
        }
    }

    /** One PutEvents call; returns the entries that failed (all of them when the call itself failed). */
    private List<Pending> putEvents(List<Pending> entries) {
        PutEventsRequest request = PutEventsRequest.builder()
                .entries(entries.stream().map(Pending::entry).toList())
                .build();
        PutEventsResponse response;
        try {
            response = client.putEvents(request);
        } catch (SdkException e) {
            log.warn("PutEvents of {} entries to bus {} failed: {}", entries.size(), eventBusName, e.getMessage());
            return entries;
        }
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            return List.of();
        }
        // Result entries are in request order; a failed one carries an error code instead of an event id.
        List<PutEventsResultEntry> results = response.entries();
        List<Pending> failed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result == null || result.errorCode() != null || result.eventId() == null) {
                log.info("rate event {} rejected by bus {}: {} {}", entries.get(i).event().eventId(), eventBusName,
                        result == null ? "no result" : result.errorCode(), result == null ? "" : result.errorMessage());
                failed.add(entries.get(i));
            }
        }
        return failed;
    }

    private PutEventsRequestEntry entry(RateUpdated event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(RateUpdated.SOURCE)
                .detailType(RateUpdated.DETAIL_TYPE)
                .detail(json.toDetail(event))
                .time(event.observedAt())
                .build();
    }

    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An event with its entry and the entry's size as EventBridge counts it. */
    private record Pending(RateUpdated event, PutEventsRequestEntry entry) {
        int bytes() {
            return utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail()) + TIME_BYTES;
        }

        private static int utf8(String text) {
            return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
