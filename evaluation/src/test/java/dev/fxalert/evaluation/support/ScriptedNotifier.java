package dev.fxalert.evaluation.support;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.Notifier;
import dev.fxalert.core.port.OutgoingMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers from a per-chat script (Delivered once the script runs out) and records what was sent when. */
public final class ScriptedNotifier implements Notifier {

    public record Sent(Instant at, OutgoingMessage message) {
    }

    private final Clock clock;
    private final Map<Long, Deque<DeliveryResult>> scripts = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    public ScriptedNotifier(Clock clock) {
        this.clock = clock;
    }

    public synchronized ScriptedNotifier script(long chatId, DeliveryResult... results) {
        scripts.computeIfAbsent(chatId, c -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    @Override
    public synchronized DeliveryResult send(OutgoingMessage message) {
        sent.add(new Sent(clock.instant(), message));
        Deque<DeliveryResult> script = scripts.get(message.chatId());
        return script == null || script.isEmpty() ? DeliveryResult.delivered() : script.poll();
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
