#!/usr/bin/env bash
# Measures the local service in console mode (docs/performance.md, "Memory and start-up"):
#   1. start-up to first answered command: time from `java` starting until the reply to a piped /start appears;
#   2. resident memory (VmRSS) and heap after IDLE_SECONDS of idling after that /start.
# Usage: docs/measure-console.sh [java options...]   e.g.  docs/measure-console.sh -XX:+UseSerialGC -Xmx128m
# Needs bot/target/fx-alert-bot.jar (./run.sh builds it). Providers point at a closed loopback port, so nothing
# leaves the machine; the database goes to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE_SECONDS=${IDLE_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export FX_ALERT_DB_PATH="$work/fx-alert.db" SERVER_PORT=0 CONSOLE_END_OF_INPUT=exit
export FRANKFURTER_BASE_URL=http://127.0.0.1:9 OPEN_ER_API_BASE_URL=http://127.0.0.1:9
unset TELEGRAM_BOT_TOKEN FX_ALERT_DEMO JAVA_TOOL_OPTIONS

# Standard input stays open (fd 3 on a fifo) until the end, so the chat does not end after the /start.
mkfifo "$work/in"
start=$(date +%s%N)
java "$@" -jar bot/target/fx-alert-bot.jar < "$work/in" > "$work/out" 2>&1 &
pid=$!
exec 3> "$work/in"
echo /start >&3
until grep -q 'bot> Hi!' "$work/out" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/out"; exit 1; }
  sleep 0.02
done
echo "first answer after $(( ($(date +%s%N) - start) / 1000000 )) ms"
sleep "$IDLE_SECONDS"
echo "after ${IDLE_SECONDS}s idle: $(grep VmRSS /proc/$pid/status)"
jcmd "$pid" GC.heap_info | sed -n '2,3p'
# With -XX:NativeMemoryTracking=summary among the options: where the resident memory goes.
if [[ " $* " == *NativeMemoryTracking* ]]; then
  jcmd "$pid" VM.native_memory summary | grep -E '^-? *(Total|Java Heap|Class|Thread|Code|GC|Compiler|Internal|Symbol|Metaspace|Arena)' || true
fi
stop=$(date +%s%N)
exec 3>&-   # end of input: the chat says Bye and the service stops
wait "$pid" 2>/dev/null || true
echo "stopped $(( ($(date +%s%N) - stop) / 1000000 )) ms after the end of input"
