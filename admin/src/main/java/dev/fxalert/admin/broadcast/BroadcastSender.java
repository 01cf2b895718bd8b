package dev.fxalert.admin.broadcast;

import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;

/**
 * Sends one broadcast message, paced to Telegram's limits (plug in evaluation's rate-limited sender). Blocks until
 * the message was accepted or given up on, waiting out rate limits itself, so it normally returns
 * {@link DeliveryResult.Delivered}, {@link DeliveryResult.RecipientGone} or {@link DeliveryResult.Failed}.
 */
@FunctionalInterface
public interface BroadcastSender {

    DeliveryResult send(OutgoingMessage message);
}
