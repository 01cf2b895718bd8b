package dev.fxalert.bot.command;

import java.util.List;
import java.util.Objects;

/**
 * The answer to an inline query (issue 16): the cards offered to drop into the chat, how long the transport may
 * keep offering them for the same text, and whether they depend on who asked (the card's language does).
 */
public record InlineAnswer(List<Card> cards, int cacheSeconds, boolean personal) {

    public InlineAnswer {
        cards = List.copyOf(cards);
    }

    /**
     * One result: a title and a line under it in the list, and the text posted when it is chosen.
     *
     * @param id unique within one answer, at most 64 bytes
     */
    public record Card(String id, String title, String description, String text) {
        public Card {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            description = description == null ? "" : description;
        }
    }
}
