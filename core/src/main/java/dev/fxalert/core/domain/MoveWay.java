package dev.fxalert.core.domain;

import java.math.BigDecimal;

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
}
