package dev.fxalert.core.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Which way a percent-move alert listens: up, down, or either way. */
public enum MoveWay {
    UP, DOWN, EITHER;

    /**
     * The move as this way sees it: the signed move for UP, its negation for DOWN, its size for EITHER. A move
     * alert fires when this reaches its percent and re-arms once it fell back under its re-arm boundary.
     */
    public BigDecimal along(BigDecimal signedPercent) {
        return switch (this) {
            case UP -> signedPercent;
            case DOWN -> signedPercent.negate();
            case EITHER -> signedPercent.abs();
        };
    }

    /**
     * The ways whose alerts a move can fire, each with the move as it sees it: only where that is positive (a percent
     * is positive, so a move the other way, or none, fires nothing). Both stores read the firing candidates by it.
     */
    public static Map<MoveWay, BigDecimal> firing(BigDecimal signedPercent) {
        Map<MoveWay, BigDecimal> ways = new EnumMap<>(MoveWay.class);
        for (MoveWay way : values()) {
            BigDecimal along = way.along(signedPercent);
            if (along.signum() > 0) {
                ways.put(way, along);
            }
        }
        return ways;
    }
}
