package dev.fxalert.core.port;

/**
 * Who may change a group's alerts (issue 16): in a group chat only its administrators may create, pause, resume or
 * delete the alerts that belong to the group. The Telegram adapter asks getChatMember; the console has one person,
 * who is always in charge ({@link #EVERYONE}).
 */
@FunctionalInterface
public interface ChatAdministrators {

    /** Every sender counts as an administrator: a transport with no groups (the console). */
    ChatAdministrators EVERYONE = (chatId, userId) -> true;

    /**
     * True when the person {@code userId} administers the group {@code chatId} (creator or administrator).
     *
     * @throws RuntimeException when it cannot be told now (the transport failed); nothing is assumed then
     */
    boolean isAdministrator(long chatId, long userId);
}
