package dev.fxalert.bot.local;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Telegram mode when TELEGRAM_BOT_TOKEN is set and not blank (an empty line copied from .env.example counts as
 * not set); console chat otherwise.
 */
public final class TelegramTokenCondition {

    public static final String TOKEN = "TELEGRAM_BOT_TOKEN";

    private TelegramTokenCondition() {
    }

    static boolean tokenSet(ConditionContext context) {
        String token = context.getEnvironment().getProperty(TOKEN);
        return token != null && !token.isBlank();
    }

    public static final class TokenSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return tokenSet(context);
        }
    }

    public static final class NoToken implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !tokenSet(context);
        }
    }
}
