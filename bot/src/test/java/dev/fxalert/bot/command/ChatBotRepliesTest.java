package dev.fxalert.bot.command;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every malformed command gets a reply that says what was wrong and shows a correct example. */
class ChatBotRepliesTest {

    // One store for the whole table: none of these replies changes what is stored.
    private static final ChatBotFixture chat = new ChatBotFixture(1000);

    @AfterAll
    static void close() {
        chat.close();
    }

    /** {@code /alert} alone starts guided creation (issue 14): GuidedAlertChatTest. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /alert USD XYZ above 1400     | 'XYZ' is not an ISO 4217 currency code. Examples: USD, EUR, JPY, KRW.\\nExample: /alert USD KRW above 1400
            /alert USD KRW above          | The threshold is missing. Example: /alert USD KRW above 1400
            /alert USD KRW above -5       | The threshold must be greater than 0, got -5.\\nExample: /alert USD KRW above 1400
            /alert USD KRW above 5e12     | '5e12' is not a number for the threshold. Write it like 1400, 1400.5 or 1,400.50.\\nExample: /alert USD KRW above 1400
            /alert USD KRW above 99999999999 | The threshold 99999999999 is too large; the maximum is 1,000,000,000.\\nExample: /alert USD KRW above 1400
            /alert USD KRW sideways 1400  | 'sideways' is not a direction; use above, below, over, under, > or <, or move, up or down with a percent and a window (move 1% 24h).\\nExample: /alert USD KRW above 1400
            /pause                        | Tell me which alert to pause; /alerts shows your alert ids.\\nExample: /pause k3m9x2qa
            /pause 12                     | '12' is not an alert id; ids are 8 letters and digits like k3m9x2qa (see /alerts).\\nExample: /pause k3m9x2qa
            /delete k3m9x2qa              | I found no alert k3m9x2qa of yours. /alerts lists them.
            /resume k3m9x2qa              | I found no alert k3m9x2qa of yours. /alerts lists them.
            /alerts two                   | 'two' is not a page number.\\nExample: /alerts 2
            /alerts                       | You have no alerts yet. Create one like this: /alert USD KRW above 1400
            /rate                         | Tell me which pair.\\nExample: /rate USD KRW
            /rate USD                     | 'USD' is not a currency pair. Write it as USD KRW, USD/KRW or USDKRW.\\nExample: /rate USD KRW
            /rate GBP CHF                 | I have no rate for GBP/CHF yet; I'm fetching it now, ask again in a few minutes.
            /convert 100 USD              | 'USD' is not a currency pair. Write it as USD KRW, USD/KRW or USDKRW.\\nExample: /convert 100 USD KRW
            /convert lots USD KRW         | 'lots' is not a number for the amount. Write it like 1400, 1400.5 or 1,400.50.\\nExample: /convert 100 USD KRW
            /frobnicate                   | I don't know /frobnicate. /help lists what I understand.
            hello there                   | I understand commands that start with a slash, like /alert USD KRW above 1400. /help lists them all.
            """)
    void repliesToBadInputWithTheReasonAndAnExample(String message, String expected) {
        assertThat(chat.reply(message)).isEqualTo(expected.replace("\\n", "\n"));
    }
}
