package dev.fxalert.bot.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * The local admin API's settings ({@code fxalert.admin.*}). The token is not here: it comes only from the
 * {@code ADMIN_API_TOKEN} environment variable.
 *
 * @param ingestionSchedule  the local ingestion schedule's expression at start-up, in Scheduler syntax; null (the
 *                           default) means every INGESTION_INTERVAL
 * @param scheduleEnabled    whether it starts enabled
 * @param scheduleZone       the zone cron and at expressions are read in
 * @param broadcastPageSize  active users read per page while broadcasting
 */
@ConfigurationProperties("fxalert.admin")
public record AdminApiProperties(String ingestionSchedule, Boolean scheduleEnabled, ZoneId scheduleZone,
                                 Integer broadcastPageSize) {

    public AdminApiProperties {
        ingestionSchedule = ingestionSchedule == null || ingestionSchedule.isBlank() ? null : ingestionSchedule;
        scheduleEnabled = scheduleEnabled == null || scheduleEnabled;
        scheduleZone = scheduleZone == null ? ZoneId.of("UTC") : scheduleZone;
        broadcastPageSize = broadcastPageSize == null ? 100 : broadcastPageSize;
    }
}
