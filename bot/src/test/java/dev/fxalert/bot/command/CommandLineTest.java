package dev.fxalert.bot.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    @Test
    void splitsNameAddresseeAndArguments() {
        CommandLine line = CommandLine.parse("/Alert@FxAlertBot  USD KRW above 1400 ").orElseThrow();
        assertThat(line.name()).isEqualTo("alert");
        assertThat(line.addressee()).isEqualTo("FxAlertBot");
        assertThat(line.arguments()).isEqualTo("USD KRW above 1400");
    }

    @Test
    void aCommandForAnotherBotIsNotOurs() {
        CommandLine line = CommandLine.parse("/help@OtherBot").orElseThrow();
        assertThat(line.isAddressedTo("FxAlertBot")).isFalse();
        assertThat(line.isAddressedTo("@otherbot")).isTrue();
        assertThat(line.isAddressedTo("")).isTrue();
    }

    @Test
    void textWithoutASlashIsNoCommand() {
        assertThat(CommandLine.parse("hello")).isEmpty();
        assertThat(CommandLine.parse("/")).isEmpty();
    }
}
