#!/usr/bin/env bash
# Runs the whole FX Alert service locally: README.md's one run command.
# Loads .env when present, builds the bot jar when it is missing or older than the sources, then starts it.
# Without TELEGRAM_BOT_TOKEN the bot runs as a console chat on this terminal (Ctrl-D quits).
#   ./run.sh --demo   the console chat on simulated rates that move every few seconds (FX_ALERT_DEMO=true)
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
for module in store-embedded store-dynamodb schedule-eventbridge ingestion evaluation admin; do
  [[ -d "$module/src/main" ]] && sources+=("$module/pom.xml" "$module/src/main")
done

if [[ ! -f "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
  echo "Building $jar ..." >&2
  ./mvnw -q -B -ntp -pl bot -am package -DskipTests
fi

args=()
for arg in "$@"; do
  if [[ "$arg" == --demo ]]; then
    export FX_ALERT_DEMO=true
  else
    args+=("$arg")
  fi
done

# Memory policy for a small always-on service (docs/performance.md, "Memory and start-up"): a heap that starts at
# 32 MB and stops at 128 MB instead of a quarter of the machine; the serial collector (one GC thread, the least
# bookkeeping, pauses of milliseconds on a heap this size); the C1 compiler only (C2's compile arenas cost ~25 MB
# resident, and commands were not slower); fewer glibc malloc arenas. JAVA_OPTS replaces the whole JVM policy.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
read -r -a jvm <<< "${JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx128m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}"

exec java "${jvm[@]}" -jar "$jar" "${args[@]}"
