-- Embedded (H2) schema, created on start. Every statement is idempotent so an existing file is kept as it is.
CREATE TABLE IF NOT EXISTS users (
    id            VARCHAR(36)  PRIMARY KEY,
    chat_id       BIGINT       NOT NULL,
    display_name  VARCHAR(256) NOT NULL,
    language      VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    active        BOOLEAN      NOT NULL,
    CONSTRAINT users_chat_unique UNIQUE (chat_id)
);
-- Added with /timezone: files written before it get the column (null: UTC).
ALTER TABLE users ADD COLUMN IF NOT EXISTS timezone VARCHAR(64);
-- Added with /quiet and /digest (issue 15): null means none.
ALTER TABLE users ADD COLUMN IF NOT EXISTS quiet_hours VARCHAR(16);
ALTER TABLE users ADD COLUMN IF NOT EXISTS digest_time VARCHAR(8);
ALTER TABLE users ADD COLUMN IF NOT EXISTS last_digest_on VARCHAR(10);
-- Digest batches (issue 15): the users of one digest time, by id (listByDigestTime).
CREATE INDEX IF NOT EXISTS users_digest_time ON users (digest_time, id);

CREATE TABLE IF NOT EXISTS alerts (
    id               VARCHAR(16)    PRIMARY KEY,
    user_id          VARCHAR(36)    NOT NULL,
    chat_id          BIGINT         NOT NULL,
    pair             VARCHAR(7)     NOT NULL,
    direction        VARCHAR(5)     NOT NULL,
    threshold        DECIMAL(38, 18) NOT NULL,
    mode             VARCHAR(5)     NOT NULL,
    state            VARCHAR(6)     NOT NULL,
    rearm_band       DECIMAL(38, 18) NOT NULL,
    -- Derived from direction, threshold and band; stored so re-arming is an index range read.
    rearm_boundary   DECIMAL(38, 18) NOT NULL,
    created_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    fired_at         TIMESTAMP(9) WITH TIME ZONE,
    fire_count       INT            NOT NULL,
    note             VARCHAR(400),
    last_event_id    VARCHAR(64),
    last_rate        DECIMAL(38, 18),
    last_provider    VARCHAR(64),
    last_observed_at TIMESTAMP(9) WITH TIME ZONE,
    last_fired_at    TIMESTAMP(9) WITH TIME ZONE,
    push_pending     BOOLEAN        NOT NULL
);

-- Which rate of the pair an alert watches (issue 17: bank buying/selling rates); alerts from before are on MID.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS rate_kind VARCHAR(9) NOT NULL DEFAULT 'MID';
-- findCrossed: (pair, rate kind, direction, state) equality then a range on threshold.
DROP INDEX IF EXISTS alerts_crossing;
CREATE INDEX IF NOT EXISTS alerts_crossing_by_kind ON alerts (pair, rate_kind, direction, state, threshold);
-- findRearmable: (pair, rate kind, direction, state, mode) equality then a range on the re-arm boundary.
DROP INDEX IF EXISTS alerts_rearm;
CREATE INDEX IF NOT EXISTS alerts_rearm_by_kind ON alerts (pair, rate_kind, direction, state, mode, rearm_boundary);
CREATE INDEX IF NOT EXISTS alerts_owner ON alerts (user_id, created_at);
-- The outbox's delivery bookkeeping (added after the first release, hence ALTER: an existing file is upgraded).
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS push_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS push_next_attempt_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS push_outcome_unknown BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS push_dead_letter VARCHAR(400);
-- Pushes left pending by an older version are due at their firing time.
UPDATE alerts SET push_next_attempt_at = last_fired_at WHERE push_pending AND push_next_attempt_at IS NULL;
DROP INDEX IF EXISTS alerts_pending;
-- findPendingPushes: pending ones by next-attempt time, so pushes that keep failing cannot starve newer ones.
CREATE INDEX IF NOT EXISTS alerts_pending_due ON alerts (push_pending, push_next_attempt_at);
-- findDeadLetters (operator listing).
CREATE INDEX IF NOT EXISTS alerts_dead_letter ON alerts (push_dead_letter, last_fired_at);
CREATE INDEX IF NOT EXISTS alerts_state ON alerts (state, pair);
-- Issue 14, snooze (added later, hence ALTER): no push before this instant; null when never snoozed.
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS snoozed_until TIMESTAMP(9) WITH TIME ZONE;
-- watchedPairs: every pair an alert was ever created on (a few bytes each, never shrinks), each checked with a
-- one-row seek on (pair, state), so its cost depends on the number of pairs, not of alerts.
CREATE TABLE IF NOT EXISTS alert_pairs (
    pair VARCHAR(7) PRIMARY KEY
);
CREATE INDEX IF NOT EXISTS alerts_pair_state ON alerts (pair, state);
-- A file from before the registry: filled once from its alerts (the registry is never empty afterwards).
INSERT INTO alert_pairs (pair) SELECT DISTINCT pair FROM alerts WHERE NOT EXISTS (SELECT 1 FROM alert_pairs);

-- issue 14: percent-move alerts (move_way, move_window_hours; the threshold is the percent, direction 'MOVE' keeps
-- them out of the crossing and re-arm indexes above) and expiry (expires_at; expiry_due is expires_at until the alert
-- expired, then null, so the sweep's index holds only what is still to expire).
-- EXPIRED needs 7 characters: widening a VARCHAR keeps the rows and NOT NULL, and is a no-op once done.
ALTER TABLE alerts ALTER COLUMN state SET DATA TYPE VARCHAR(8);
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS move_way VARCHAR(6);
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS move_window_hours INT;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS last_base DECIMAL(38, 18);
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE alerts ADD COLUMN IF NOT EXISTS expiry_due TIMESTAMP(9) WITH TIME ZONE;
-- findMoved: (pair, window, way, state) equality then a range on the percent.
CREATE INDEX IF NOT EXISTS alerts_move ON alerts (pair, move_window_hours, move_way, state, threshold);
-- findMoveRearmable: (pair, window, way, state, mode) equality then a range on the re-arm boundary.
CREATE INDEX IF NOT EXISTS alerts_move_rearm ON alerts (pair, move_window_hours, move_way, state, mode, rearm_boundary);
-- findExpiring: what is still to expire, by time.
CREATE INDEX IF NOT EXISTS alerts_expiry_due ON alerts (expiry_due);
-- moveWindows: every (pair, window) a move alert was ever created on; never shrinks, like alert_pairs.
CREATE TABLE IF NOT EXISTS alert_move_windows (
    pair         VARCHAR(7) NOT NULL,
    window_hours INT        NOT NULL,
    PRIMARY KEY (pair, window_hours)
);

-- Orders rates appended with the same observation time (a provider correcting a day's rate): the later wins.
CREATE SEQUENCE IF NOT EXISTS rate_history_seq;

CREATE TABLE IF NOT EXISTS rate_history (
    event_id    VARCHAR(64)    PRIMARY KEY,
    appended    BIGINT         NOT NULL,
    pair        VARCHAR(7)     NOT NULL,
    rate        DECIMAL(38, 18) NOT NULL,
    provider    VARCHAR(64)    NOT NULL,
    observed_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
-- Each kind of a pair's rate is its own series (issue 17); rows from before are the mid rate.
ALTER TABLE rate_history ADD COLUMN IF NOT EXISTS rate_kind VARCHAR(9) NOT NULL DEFAULT 'MID';
DROP INDEX IF EXISTS rate_history_pair_time;
CREATE INDEX IF NOT EXISTS rate_history_series_time ON rate_history (pair, rate_kind, observed_at);

CREATE TABLE IF NOT EXISTS pair_interest (
    pair          VARCHAR(7) PRIMARY KEY,
    last_asked_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- Operator actions (GET /admin/audit), newest first.
CREATE TABLE IF NOT EXISTS audit_log (
    id          VARCHAR(64)   PRIMARY KEY,
    at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_id   VARCHAR(64)   NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (at, id);

-- Telegram updates handled and answered (UpdateJournal): a redelivery after a kill -9 is not answered twice.
CREATE TABLE IF NOT EXISTS handled_updates (
    delivery_id VARCHAR(64) PRIMARY KEY,
    handled_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS handled_updates_time ON handled_updates (handled_at);

-- Issue 14, guided creation: one draft per chat; reads ignore expired rows, purged with the journal.
CREATE TABLE IF NOT EXISTS chat_drafts (
    chat_id    BIGINT PRIMARY KEY,
    pair       VARCHAR(16),
    direction  VARCHAR(8),
    expires_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
