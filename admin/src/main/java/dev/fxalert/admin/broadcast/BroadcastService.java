package dev.fxalert.admin.broadcast;

import dev.fxalert.admin.api.AdminProblem;
import dev.fxalert.core.domain.User;
import dev.fxalert.core.port.OperatorAlerts;
import dev.fxalert.core.port.DeliveryResult;
import dev.fxalert.core.port.OutgoingMessage;
import dev.fxalert.core.port.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Sends a maintenance text to every active user, page by page through {@link UserStore#listActive}, one message at a
 * time through the paced {@link BroadcastSender}. One failing chat never stops the others.
 */
public final class BroadcastService {

    /** Telegram's limit for one message. */
    public static final int MAX_TEXT_LENGTH = 4096;
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);

    private final UserStore users;
    private final OperatorAlerts alerts;
    private final BroadcastSender sender;
    private final int pageSize;

    public BroadcastService(UserStore users, OperatorAlerts alerts, BroadcastSender sender, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.users = users;
        this.alerts = alerts;
        this.sender = sender;
        this.pageSize = pageSize;
    }

    public BroadcastService(UserStore users, OperatorAlerts alerts, BroadcastSender sender) {
        this(users, alerts, sender, DEFAULT_PAGE_SIZE);
    }

    /** Validates the text before sending anything, so a refused text reaches nobody. */
    public BroadcastReport broadcast(BroadcastRequest request) {
        if (sender == null) {
            throw AdminProblem.notWired("Broadcasting");
        }
        String text = validText(request == null ? null : request.text());
        int recipients = 0;
        int delivered = 0;
        int gone = 0;
        int failed = 0;
        String after = null;
        while (true) {
            List<User> page = users.listActive(after, pageSize);
            for (User user : page) {
                recipients++;
                DeliveryResult result = sendTo(user, text);
                if (result instanceof DeliveryResult.Delivered) {
                    delivered++;
                } else if (result instanceof DeliveryResult.RecipientGone) {
                    gone++;
                    users.deactivate(user.id());
                    alerts.pauseAllOf(user.id());
                } else {
                    failed++;
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        log.info("Broadcast finished: {} recipients, {} delivered, {} gone, {} failed", recipients, delivered, gone, failed);
        return new BroadcastReport(recipients, delivered, gone, failed);
    }

    private DeliveryResult sendTo(User user, String text) {
        try {
            return sender.send(OutgoingMessage.text(user.chatId(), text));
        } catch (RuntimeException e) {
            log.warn("Broadcast to user {} failed: {}", user.id(), e.toString());
            return new DeliveryResult.Failed(e.toString());
        }
    }

    static String validText(String text) {
        if (text == null || text.isBlank()) {
            throw AdminProblem.badRequest("The broadcast text is empty; send {\"text\":\"...\"}.");
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT_LENGTH) {
            throw AdminProblem.badRequest("The broadcast text has " + stripped.length() + " characters; Telegram accepts at most "
                    + MAX_TEXT_LENGTH + ".");
        }
        return stripped;
    }
}
