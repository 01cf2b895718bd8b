package dev.fxalert.bot.polling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.telegram.CommandMenu;
import dev.fxalert.bot.telegram.TelegramMessages;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local transport: fetches updates with getUpdates (TelegramBots' long polling) and hands each to the
 * update handler. Updates of one chat are handled in order on one worker; different chats in parallel on
 * {@code workers} threads, so a slow provider answering one person's /rate does not hold up everyone else.
 *
 * <p>Acknowledgement protocol (at least once). Telegram forgets an update once a getUpdates call asks for an
 * offset beyond it. TelegramBots asks for its last <em>received</em> id + 1, which forgets updates still queued
 * here; a stop or kill then loses them. So the offset asked for is instead one past the highest id below which
 * every update taken has been handled ({@link HandledUpdates}):
 * <ul>
 *   <li>Until an update is handled, Telegram returns it with every poll; TelegramBots drops ids it already handed
 *       over in this run, so each is handled once per run. While updates are being handled, the next poll
 *       waits up to {@link #POLL_PAUSE} for them, so a slow update does not make polling spin.</li>
 *   <li>{@link #close()} stops polling, lets the workers finish what they took within the grace, then
 *       acknowledges what was handled with one last getUpdates (timeout 0). An update cut off by the grace stays
 *       unacknowledged and comes back to the next run.</li>
 *   <li>After a {@code kill -9}, Telegram redelivers every update handled since the last poll. The update
 *       handler skips those its journal marked handled after their replies ({@code UpdateJournal}); handling is
 *       also idempotent by update id where it matters (an /alert's id derives from it, so no second alert). What
 *       remains is a second reply to an update killed between its reply and its mark: at most one per worker.</li>
 * </ul>
 * The price: a poll returns at most {@value #GET_UPDATES_LIMIT} updates from the oldest unhandled one, so a
 * single slow update (a provider answering /rate slowly) holds back fetching updates beyond that window until it
 * finishes; the provider timeouts bound it.
 */
public final class LongPollingBot implements AutoCloseable {

    /** What handles one update; never throws for a bad update. */
    @FunctionalInterface
    public interface UpdateHandler {
        void handle(Update update);
    }

    /** The longest a poll waits for updates in flight to be handled before asking Telegram again. */
    static final Duration POLL_PAUSE = Duration.ofSeconds(1);
    private static final int GET_UPDATES_LIMIT = 100;
    private static final int GET_UPDATES_TIMEOUT_SECONDS = 50;

    private static final Logger log = LoggerFactory.getLogger(LongPollingBot.class);

    private final String token;
    private final TelegramUrl telegramUrl;
    private final TelegramClient client;
    private final UpdateHandler handler;
    private final Duration shutdownGrace;
    private final ExecutorService[] workers;
    private final HandledUpdates handled = new HandledUpdates();
    private volatile boolean closing;
    private volatile ScheduledExecutorService pollingExecutor;
    private TelegramBotsLongPollingApplication application;

    public LongPollingBot(String token, TelegramUrl telegramUrl, TelegramClient client, TelegramUpdateHandler handler,
                          int workers, Duration shutdownGrace) {
        this(token, telegramUrl, client, (UpdateHandler) handler::handle, workers, shutdownGrace);
    }

    public LongPollingBot(String token, TelegramUrl telegramUrl, TelegramClient client, UpdateHandler handler,
                          int workers, Duration shutdownGrace) {
        this.token = token;
        this.telegramUrl = telegramUrl;
        this.client = client;
        this.handler = handler;
        this.shutdownGrace = shutdownGrace;
        this.workers = new ExecutorService[Math.max(1, workers)];
        for (int i = 0; i < this.workers.length; i++) {
            this.workers[i] = Executors.newSingleThreadExecutor(named("telegram-updates-" + i, false));
        }
    }

    public synchronized void start() throws TelegramApiException {
        if (application != null) {
            return;
        }
        CommandMenu.publish(client);
        application = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(),
                () -> pollingExecutor = Executors.newSingleThreadScheduledExecutor(named("telegram-polling", true)),
                ExponentialBackOff::new);
        application.registerBot(token, () -> telegramUrl, ignoredLastReceived -> nextPoll(), this::dispatch);
        log.info("Telegram long polling started against {}://{}:{}", telegramUrl.getSchema(), telegramUrl.getHost(),
                telegramUrl.getPort());
    }

    public synchronized boolean isRunning() {
        return application != null && application.isRunning();
    }

    /** Asks from the first update not yet handled, after waiting briefly for those in flight. */
    private GetUpdates nextPoll() {
        int handledUpTo;
        try {
            handledUpTo = handled.awaitHandled(POLL_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handledUpTo = handled.handledUpTo();
        }
        return GetUpdates.builder().offset(handledUpTo + 1).limit(GET_UPDATES_LIMIT)
                .timeout(GET_UPDATES_TIMEOUT_SECONDS).allowedUpdates(TelegramMessages.ALLOWED_UPDATES).build();
    }

    private void dispatch(List<Update> updates) {
        for (Update update : updates) {
            if (closing) {
                return; // Not taken: Telegram keeps it for the next run.
            }
            int id = update.getUpdateId();
            long key = TelegramMessages.chatId(update).orElse(0L);
            handled.taken(id);
            try {
                workers[(int) Math.floorMod(key, (long) workers.length)].execute(() -> handleOne(id, update));
            } catch (RejectedExecutionException stopping) {
                return; // Left in flight, so never acknowledged: the next run gets it.
            }
        }
    }

    private void handleOne(int id, Update update) {
        handler.handle(update);
        // Cut off by the end of the grace: maybe half done, so leave it to the next run (handling is idempotent).
        if (!Thread.currentThread().isInterrupted()) {
            handled.handled(id);
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (application != null) {
            try {
                application.close();
            } catch (Exception e) {
                log.warn("Stopping long polling: {}", e.toString());
            }
            if (pollingExecutor != null) {
                // The poller may sit in a 50 s getUpdates call; it is a daemon and holds nothing we need.
                pollingExecutor.shutdownNow();
            }
            application = null;
        }
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        for (ExecutorService worker : workers) {
            try {
                if (!worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("Updates still being handled after {}; stopping them, Telegram redelivers them to the "
                            + "next run", shutdownGrace);
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.shutdownNow();
            }
        }
        acknowledgeHandled();
        log.info("Telegram long polling stopped");
    }

    /**
     * One last getUpdates that only moves the offset past what this run handled; it takes nothing new. Sent even
     * when the last poll asked for the same offset, as that poll may have failed.
     */
    private void acknowledgeHandled() {
        int offset = handled.handledUpTo() + 1;
        if (offset <= 1) {
            return;
        }
        try {
            client.execute(GetUpdates.builder().offset(offset).limit(1).timeout(0).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not acknowledge handled updates up to {}; Telegram redelivers them to the next run, "
                    + "which handles them idempotently: {}", offset - 1, e.toString());
        }
    }

    private static ThreadFactory named(String name, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(daemon);
            return thread;
        };
    }
}
