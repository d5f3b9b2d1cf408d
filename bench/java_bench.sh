#!/bin/sh
# Runs `workbench bench` (DL4J and the PyTorch reference side by side) against one nd4j-native classifier.
# Usage: bench/java_bench.sh [--classifier CLASSIFIER] [bench options: --models 32,128 --reps N --csv FILE ...]
#   Without --classifier: the packaged jar (the pom's nd4j.classifier), i.e. java -jar target/workbench.jar bench.
#   With it (linux-x86_64, linux-x86_64-avx2, linux-x86_64-onednn, ...): compiled classes plus exactly that
#   classifier's jar on the classpath, since JavaCPP would otherwise load the first variant it finds.
# Extra JVM options via JAVA_OPTS, e.g. JAVA_OPTS=-Dorg.eclipse.deeplearning4j.helpers.disable=true (plain path).
set -e
cd "$(dirname "$0")/.."
JVM="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.contextencoder=info"
if [ "$1" != "--classifier" ]; then
  [ -f target/workbench.jar ] || mvn -q -B package -DskipTests
  exec java $JVM $JAVA_OPTS -jar target/workbench.jar bench "$@"
fi
CLASSIFIER=$2
shift 2
mvn -q -B compile -Dnd4j.classifier="$CLASSIFIER"
mvn -q -B dependency:build-classpath -Dnd4j.classifier="$CLASSIFIER" -Dmdep.outputFile=target/bench.cp >/dev/null
CP=$(tr ':' '\n' < target/bench.cp | grep -v -E 'nd4j-native-1\.0\.0-M2\.1-linux' | paste -sd: -)
JAR=$(tr ':' '\n' < target/bench.cp | grep -E "nd4j-native-1\.0\.0-M2\.1-$CLASSIFIER\.jar$")
exec java $JVM $JAVA_OPTS -cp "target/classes:$JAR:$CP" org.contextencoder.cli.Main bench "$@"
