# syntax=docker/dockerfile:1
#
# FX Alert, self-hosted: the all-in-one bot (Telegram long polling, or a console chat without a token; embedded
# file database; in-process scheduler and event bus) in one container.
#
#   docker build -t fx-alert .
#   docker run -d --name fx-alert --memory=256m -p 8080:8080 -v fx-alert-data:/data \
#     -e TELEGRAM_BOT_TOKEN=123456:ABC... -e ADMIN_API_TOKEN=... fx-alert
#   docker run -it --rm -v fx-alert-data:/data fx-alert      # no token: console chat on the terminal
#   docker run -it --rm -e FX_ALERT_DEMO=true fx-alert       # the same on simulated rates (console chat only)
#
# Environment (secrets only through the environment or an --env-file, never baked into the image):
#   TELEGRAM_BOT_TOKEN   bot token from @BotFather; unset = console chat (run with -it); its log goes to
#                        /data/fx-alert.log, and the end of its input does not stop the container
#                        (CONSOLE_END_OF_INPUT=keep-serving; set it to exit to stop on Ctrl-D)
#   ADMIN_API_TOKEN      bearer token of the admin API under /admin
#   KOREAEXIM_AUTHKEY    Korea Eximbank API key; unset = that provider is skipped
#   FX_ALERT_DB_PATH     embedded database file, on the /data volume (default /data/fx-alert.db)
#   SERVER_PORT          HTTP port of the admin API and of /actuator/health (default 8080)
#   LOG_LEVEL            root log level: ERROR, WARN, INFO (default) or DEBUG
#   JAVA_TOOL_OPTIONS    JVM flags; the default is run.sh's memory policy, explained and measured in
#                        docs/performance.md (serial GC, 32-128 MB heap, C1 only: about 165 MB resident at idle);
#                        give the container 256 MB or more
#
# Base images are pinned to an exact Temurin patch release. To pin the digests as well, run
# `docker buildx imagetools inspect eclipse-temurin:<tag>` and append @sha256:<index digest> to both FROM lines.

FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /src
# The whole reactor (every module's pom must be present, even of modules the bot does not need); .dockerignore
# keeps build outputs, node_modules, docs and local data out of the context.
COPY . .
# Tests run in CI (they need Node.js tools); the image build only packages. The cache mount keeps the local
# Maven repository between builds without putting it in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl bot -am package -DskipTests \
    && cp bot/target/fx-alert-bot.jar /fx-alert-bot.jar

FROM eclipse-temurin:17.0.16_8-jre-noble
# charts (issue 16): /chart draws with the font inside the jar (NanumSquare, BundledFonts); the OS's fontconfig
# and fonts-nanum are no longer needed for Korean, only kept as a fallback should that font fail to load.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-nanum \
    && rm -rf /var/lib/apt/lists/*
# A system user with a fixed id, so a bind-mounted /data can be chowned to it on the host (chown 10001 ./data).
RUN groupadd --system --gid 10001 fxalert \
    && useradd --system --uid 10001 --gid fxalert --home-dir /app --shell /usr/sbin/nologin fxalert \
    && mkdir -p /app /data \
    && chown fxalert:fxalert /data
WORKDIR /app
COPY --from=build --chown=root:root /fx-alert-bot.jar /app/fx-alert-bot.jar

ENV FX_ALERT_DB_PATH=/data/fx-alert.db \
    SERVER_PORT=8080 \
    CONSOLE_END_OF_INPUT=keep-serving \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -Xmx128m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080
USER fxalert

# curl ships in the Temurin Ubuntu images; shell form so SERVER_PORT is expanded at check time.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health" > /dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/fx-alert-bot.jar"]
