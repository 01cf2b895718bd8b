#!/usr/bin/env bash
# Runs the whole FX Alert service locally: README.md's one run command.
# Loads .env when present, builds the bot jar when it is missing or older than the sources, then starts it.
# Without TELEGRAM_BOT_TOKEN the bot runs as a console chat on this terminal.
set -euo pipefail
cd "$(dirname "$0")"

if [[ -f .env ]]; then
  set -a
  # shellcheck disable=SC1091
  source .env
  set +a
fi

jar=bot/target/fx-alert-bot.jar
sources=(pom.xml core/pom.xml core/src/main bot/pom.xml bot/src/main)
for module in ingestion evaluation admin; do
  [[ -d "$module/src/main" ]] && sources+=("$module/pom.xml" "$module/src/main")
done

if [[ ! -f "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "Building $jar ..." >&2
  ./mvnw -q -B -ntp -pl bot -am package -DskipTests
fi

exec java -jar "$jar" "$@"
