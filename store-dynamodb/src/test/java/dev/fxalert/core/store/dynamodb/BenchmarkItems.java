package dev.fxalert.core.store.dynamodb;

import dev.fxalert.core.domain.AlertState;
import dev.fxalert.core.domain.CurrencyPair;
import dev.fxalert.core.domain.Direction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Map;

/** The alert item layout, opened to the crossing benchmark (test code only) to filter a raw Scan of the table. */
public final class BenchmarkItems {

    private BenchmarkItems() {
    }

    /** True when the item is an ARMED alert of the pair that the rate crosses; false for any other item. */
    public static boolean isArmedAndCrossed(Map<String, AttributeValue> item, CurrencyPair pair, BigDecimal rate) {
        if (!AlertItems.isAlert(item)
                || !AlertState.ARMED.name().equals(AttributeValues.string(item, AlertItems.STATE))
                || !pair.toString().equals(AttributeValues.string(item, AlertItems.PAIR))) {
            return false;
        }
        Direction direction = Direction.valueOf(AttributeValues.string(item, AlertItems.DIRECTION));
        return direction.isCrossedBy(rate, AttributeValues.decimal(item, AlertItems.THRESHOLD));
    }
}
