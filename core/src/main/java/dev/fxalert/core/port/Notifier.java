package dev.fxalert.core.port;

/**
 * Sends one message to one chat: Telegram in production, the console in console-chat mode, fakes in tests.
 * Implementations make one attempt and report what happened; pacing and retries belong to the caller.
 */
public interface Notifier {

    DeliveryResult send(OutgoingMessage message);
}
