package dev.fxalert.core.port;

/** The three stores of one backend (embedded file DB or DynamoDB), opened together and closed together. */
public interface Stores extends AutoCloseable {

    AlertStore alerts();

    UserStore users();

    RateHistory rateHistory();

    @Override
    void close();
}
