package dev.fxalert.core.port;

import java.util.List;
import java.util.Objects;

/**
 * A message for one chat, with optional inline buttons (one inner list per keyboard row).
 * Text is plain (no Markdown/HTML parsing), so user-provided notes cannot break formatting.
 * With a {@link Photo} the message is a picture and its text the caption (Telegram: sendPhoto, caption at most
 * {@value #MAX_CAPTION_LENGTH} characters); each transport shows it its own way (the console saves the file).
 */
public record OutgoingMessage(long chatId, String text, List<List<Button>> buttons, Photo photo) {

    /** Telegram's limit on a photo's caption. */
    public static final int MAX_CAPTION_LENGTH = 1024;

    public OutgoingMessage {
        Objects.requireNonNull(text, "text");
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (photo != null && text.length() > MAX_CAPTION_LENGTH) {
            throw new IllegalArgumentException("caption over " + MAX_CAPTION_LENGTH + " characters");
        }
    }

    /** A text message. */
    public OutgoingMessage(long chatId, String text, List<List<Button>> buttons) {
        this(chatId, text, buttons, null);
    }

    public static OutgoingMessage text(long chatId, String text) {
        return new OutgoingMessage(chatId, text, List.of());
    }

    /** A picture with {@code caption} under it. */
    public static OutgoingMessage photo(long chatId, Photo photo, String caption, List<List<Button>> buttons) {
        return new OutgoingMessage(chatId, caption, buttons, Objects.requireNonNull(photo, "photo"));
    }

    public boolean hasPhoto() {
        return photo != null;
    }

    /** A picture's bytes and the file name it is sent (or saved) under, e.g. {@code chart-USDKRW-30d.png}. */
    public record Photo(byte[] bytes, String fileName) {
        public Photo {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(fileName, "fileName");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Photo that && java.util.Arrays.equals(bytes, that.bytes)
                    && fileName.equals(that.fileName);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(bytes) + fileName.hashCode();
        }

        @Override
        public String toString() {
            return "Photo[" + fileName + ", " + bytes.length + " bytes]";
        }
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
