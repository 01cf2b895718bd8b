package dev.fxalert.admin.broadcast;

/**
 * What a broadcast did. {@code recipients = delivered + recipientsGone + failed}.
 *
 * @param recipientsGone users whose chat is gone (blocked the bot); they were deactivated and their alerts paused
 */
public record BroadcastReport(int recipients, int delivered, int recipientsGone, int failed) {
}
