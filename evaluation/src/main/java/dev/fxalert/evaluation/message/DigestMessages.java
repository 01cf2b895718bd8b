package dev.fxalert.evaluation.message;

import dev.fxalert.core.domain.Alert;
import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import dev.fxalert.core.domain.Rate;
import dev.fxalert.core.i18n.Messages;
import dev.fxalert.core.i18n.Msg;
import dev.fxalert.core.port.OutgoingMessage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily digest (issue 15): per pair of the user's alerts, the latest rate and its change since the rate of an
 * earlier day (absolute and in percent); then the armed alerts nearest to firing with how far away they are.
 * Texts from the catalogues, numbers by {@link Messages#number}, times in the user's zone. Plain text, no buttons.
 */
public final class DigestMessages {

    /** Alerts listed as nearest to firing. */
    static final int NEAREST = 3;

    /** The latest rate of a pair and the newest one observed on an earlier local day (null when none). */
    public record PairRates(Rate latest, Rate previous) {
    }

    public OutgoingMessage digest(long chatId, String language, ZoneId zone, LocalDate date, List<Alert> alerts,
                                  Map<CurrencyPair, PairRates> rates) {
        Messages messages = Messages.forCode(language);
        StringBuilder text = new StringBuilder(messages.text(Msg.DIGEST_HEADER, date.toString()));
        for (Map.Entry<CurrencyPair, PairRates> entry : rates.entrySet()) {
            text.append('\n').append(pairLine(messages, zone, entry.getKey(), entry.getValue()));
        }
        List<Alert> nearest = nearest(alerts, rates);
        if (alerts.stream().noneMatch(alert -> alert.state() == AlertState.ARMED)) {
            text.append("\n\n").append(messages.text(Msg.DIGEST_NO_ALERTS));
        } else if (!nearest.isEmpty()) { // armed alerts whose pairs have no rate yet have no distance
            text.append("\n\n").append(messages.text(Msg.DIGEST_NEAREST));
            for (Alert alert : nearest) {
                BigDecimal rate = rates.get(alert.pair()).latest().value();
                BigDecimal away = alert.threshold().subtract(rate).abs();
                text.append('\n').append(messages.text(Msg.DIGEST_NEAREST_LINE, alert.pair().toString(),
                        selector(alert.direction()), alert.threshold(), away, percent(away, rate), alert.id()));
            }
        }
        return new OutgoingMessage(chatId, text.toString(), List.of());
    }

    private static String pairLine(Messages messages, ZoneId zone, CurrencyPair pair, PairRates rates) {
        if (rates == null || rates.latest() == null) {
            return messages.text(Msg.DIGEST_PAIR_NONE, pair.toString());
        }
        BigDecimal latest = rates.latest().value();
        if (rates.previous() == null) {
            return messages.text(Msg.DIGEST_PAIR_FIRST, pair.toString(), latest);
        }
        BigDecimal change = latest.subtract(rates.previous().value());
        String sign = change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "same";
        return messages.text(Msg.DIGEST_PAIR, pair.toString(), latest, sign, change.abs(),
                percent(change.abs(), rates.previous().value()), Messages.time(rates.previous().observedAt(), zone));
    }

    /** Armed alerts with a known rate, nearest first (relative distance to their threshold). */
    private static List<Alert> nearest(List<Alert> alerts, Map<CurrencyPair, PairRates> rates) {
        List<Alert> armed = new ArrayList<>();
        for (Alert alert : alerts) {
            PairRates pair = rates.get(alert.pair());
            if (alert.state() == AlertState.ARMED && pair != null && pair.latest() != null) {
                armed.add(alert);
            }
        }
        armed.sort(Comparator.comparing((Alert a) -> distance(a, rates.get(a.pair()).latest().value()))
                .thenComparing(Alert::id));
        return armed.subList(0, Math.min(NEAREST, armed.size()));
    }

    private static BigDecimal distance(Alert alert, BigDecimal rate) {
        return alert.threshold().subtract(rate).abs().divide(rate, 12, RoundingMode.HALF_EVEN);
    }

    /** {@code part} as a percentage of {@code whole}, two decimals. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static String selector(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

}
