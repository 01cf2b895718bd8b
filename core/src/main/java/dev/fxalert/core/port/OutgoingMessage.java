package dev.fxalert.core.port;

import java.util.List;
import java.util.Objects;

/**
 * A message for one chat, with optional inline buttons (one inner list per keyboard row).
 * Text is plain (no Markdown/HTML parsing), so user-provided notes cannot break formatting.
 */
public record OutgoingMessage(long chatId, String text, List<List<Button>> buttons) {

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static OutgoingMessage text(long chatId, String text) {
        return new OutgoingMessage(chatId, text, List.of());
    }

    /** @param callbackData at most 64 bytes, as Telegram requires */
    public record Button(String label, String callbackData) {
        public static final int MAX_CALLBACK_BYTES = 64;

        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(callbackData, "callbackData");
            if (callbackData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
                throw new IllegalArgumentException("callback data over 64 bytes: " + callbackData);
            }
        }
    }
}
