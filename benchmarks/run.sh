#!/usr/bin/env bash
# Prints overhead figures for no agent, Tracewire and the OpenTelemetry Java agent.
# Usage: benchmarks/run.sh [all|startup|first-jdbc|memory|jar|exit|jdbc-throughput|executor-throughput|http-client-throughput|jdbc-hot-path|rabbitmq-throughput|analytics]
# Overrides: PAIRS=N, JAVA=/path/to/java, WARMUP_S, MEASURE_S, EXIT_SPANS, EXIT_TIMEOUT_S;
# for analytics (not part of all): SPANS, RUNS, HEAP_MB.
set -euo pipefail

ROW="${1:-all}"
case "$ROW" in
  all | startup | first-jdbc | memory | jar | exit | jdbc-throughput | executor-throughput | http-client-throughput | jdbc-hot-path | rabbitmq-throughput | analytics) ;;
  *)
    echo "usage: $0 [all|startup|first-jdbc|memory|jar|exit|jdbc-throughput|executor-throughput|http-client-throughput|jdbc-hot-path|rabbitmq-throughput|analytics]" >&2
    exit 2
    ;;
esac

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/work"
AGENT_JAR="$ROOT/agent/target/tracewire-agent.jar"
OTEL_VERSION=2.33.1
H2_VERSION=2.4.240

JAVA="${JAVA:-java}"
JAVA="$(command -v "$JAVA" || true)"
if [[ -z "$JAVA" ]]; then
  echo "no java found (set JAVA=/path/to/java)" >&2
  exit 1
fi
# Compile with the same JDK that runs the workloads, when it ships javac.
JAVAC="$(dirname "$(readlink -f "$JAVA")")/javac"
if [[ ! -x "$JAVAC" ]]; then
  JAVAC="$(command -v javac)"
fi

mkdir -p "$WORK"

# The analytics row measures the report command, not an agent: it needs only the analytics jar.
if [[ "$ROW" == analytics ]]; then
  ANALYTICS_JAR="$ROOT/analytics/target/tracewire-analytics.jar"
  if [[ ! -f "$ANALYTICS_JAR" ]]; then
    echo "building the analytics jar (missing: $ANALYTICS_JAR)"
    (cd "$ROOT" && mvn -B -q -DskipTests package -pl analytics -am)
  fi
  cp -p "$ANALYTICS_JAR" "$WORK/tracewire-analytics.jar"
  rm -rf "$WORK/analytics-classes"
  "$JAVAC" --release 17 -nowarn -cp "$WORK/tracewire-analytics.jar" -d "$WORK/analytics-classes" \
    "$BENCH"/src/analytics/*.java
  exec "$JAVA" -cp "$WORK/analytics-classes" \
    -Dbench.java="$JAVA" \
    -Dbench.work="$WORK" \
    -Dbench.analytics.jar="$WORK/tracewire-analytics.jar" \
    -Dbench.analytics.classes="$WORK/analytics-classes" \
    -Dbench.spans="${SPANS:-1000000}" \
    -Dbench.runs="${RUNS:-3}" \
    -Dbench.heap.mb="${HEAP_MB:-256}" \
    AnalyticsBench
fi

if [[ ! -f "$AGENT_JAR" ]]; then
  echo "building the agent jar (missing: $AGENT_JAR)"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl agent -am)
fi

# -N: only the root pom is read, so a module mid-edit elsewhere cannot break the fetch.
fetch() {
  local artifact=$1 file=$2
  if [[ ! -f "$WORK/$file" ]]; then
    echo "fetching $artifact"
    (cd "$ROOT" && mvn -B -q -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK")
  fi
}
fetch "io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" "opentelemetry-javaagent-$OTEL_VERSION.jar"
fetch "com.h2database:h2:$H2_VERSION" "h2-$H2_VERSION.jar"
# OkHttp and what it needs, for the http-client-throughput workload, and the RabbitMQ client for
# rabbitmq-throughput (on every workload's class path).
mkdir -p "$WORK/lib"
for artifact in com.squareup.okhttp3:okhttp:4.12.0 com.squareup.okio:okio-jvm:3.6.0 org.jetbrains.kotlin:kotlin-stdlib:1.9.10 \
    com.rabbitmq:amqp-client:5.37.1 org.slf4j:slf4j-api:1.7.36 org.slf4j:slf4j-nop:1.7.36; do
  name="$(echo "$artifact" | cut -d: -f2)-$(echo "$artifact" | cut -d: -f3).jar"
  if [[ ! -f "$WORK/lib/$name" ]]; then
    echo "fetching $artifact"
    (cd "$ROOT" && mvn -B -q -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$WORK/lib")
  fi
done

# Release 11 so that classes built by a newer javac still run on an older JAVA.
rm -rf "$WORK/classes" "$WORK/driver"
"$JAVAC" --release 11 -nowarn -cp "$WORK/lib/*" -d "$WORK/classes" "$BENCH"/src/workloads/*.java
"$JAVAC" --release 11 -nowarn -d "$WORK/driver" "$BENCH"/src/driver/*.java

# A snapshot, so a rebuild by someone else mid-run cannot mix two agents in one table.
cp -p "$AGENT_JAR" "$WORK/tracewire-agent.jar"

REVISION="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  REVISION="$REVISION (with uncommitted changes)"
fi

exec "$JAVA" -cp "$WORK/driver" \
  -Dbench.dir="$BENCH" \
  -Dbench.java="$JAVA" \
  -Dbench.agent="$WORK/tracewire-agent.jar" \
  -Dbench.agent.source="$AGENT_JAR" \
  -Dbench.revision="$REVISION" \
  Bench "$ROW"
