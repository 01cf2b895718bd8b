package dev.fxalert.bot.polling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fxalert.bot.telegram.CommandMenu;
import dev.fxalert.bot.telegram.TelegramMessages;
import dev.fxalert.bot.telegram.TelegramUpdateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local transport: fetches updates with getUpdates (TelegramBots' long polling) and hands each to the
 * update handler. Updates of one chat are handled in order on one worker; different chats in parallel on
 * {@code workers} threads, so a slow provider answering one person's /rate does not hold up everyone else.
 * Closing stops polling and lets the updates already taken finish.
 */
public final class LongPollingBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LongPollingBot.class);

    private final String token;
    private final TelegramUrl telegramUrl;
    private final TelegramClient client;
    private final TelegramUpdateHandler handler;
    private final Duration shutdownGrace;
    private final ExecutorService[] workers;
    private volatile ScheduledExecutorService pollingExecutor;
    private TelegramBotsLongPollingApplication application;

    public LongPollingBot(String token, TelegramUrl telegramUrl, TelegramClient client, TelegramUpdateHandler handler,
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
        application.registerBot(token, () -> telegramUrl, new DefaultGetUpdatesGenerator(), this::dispatch);
        log.info("Telegram long polling started against {}://{}:{}", telegramUrl.getSchema(), telegramUrl.getHost(),
                telegramUrl.getPort());
    }

    public synchronized boolean isRunning() {
        return application != null && application.isRunning();
    }

    private void dispatch(List<Update> updates) {
        for (Update update : updates) {
            long key = TelegramMessages.chatId(update).orElse(0L);
            workers[(int) Math.floorMod(key, (long) workers.length)].execute(() -> handler.handle(update));
        }
    }

    @Override
    public synchronized void close() {
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
                    log.warn("Updates still being handled after {}; stopping them", shutdownGrace);
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.shutdownNow();
            }
        }
        log.info("Telegram long polling stopped");
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
