#!/bin/sh
# Runs the DL4J throughput benchmark (src/test/.../bench/Throughput) against one nd4j-native classifier.
# Usage: bench/java_bench.sh [CLASSIFIER] [32|128|all|matmul] [REPS] [TORCH_JSON]
#   CLASSIFIER defaults to the pom's nd4j.classifier; e.g. linux-x86_64, linux-x86_64-avx2, linux-x86_64-onednn.
# Exactly one classifier jar goes on the classpath: JavaCPP would otherwise load the first variant it finds.
# Extra JVM options via JAVA_OPTS, e.g. JAVA_OPTS=-Dorg.eclipse.deeplearning4j.helpers.disable=true (plain path).
set -e
cd "$(dirname "$0")/.."
CLASSIFIER=${1:-$(mvn -q -B help:evaluate -Dexpression=nd4j.classifier -DforceStdout)}
shift $(( $# > 0 ? 1 : 0 ))
mvn -q -B test-compile -Dnd4j.classifier="$CLASSIFIER"
mvn -q -B dependency:build-classpath -Dnd4j.classifier="$CLASSIFIER" -Dmdep.outputFile=target/bench.cp >/dev/null
CP=$(tr ':' '\n' < target/bench.cp | grep -v -E 'nd4j-native-1\.0\.0-M2\.1-linux' | paste -sd: -)
JAR=$(tr ':' '\n' < target/bench.cp | grep -E "nd4j-native-1\.0\.0-M2\.1-$CLASSIFIER\.jar$")
exec java -Xmx4g -Dorg.bytedeco.javacpp.maxphysicalbytes=8G \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.contextencoder=info \
  $JAVA_OPTS -cp "target/test-classes:target/classes:$JAR:$CP" org.contextencoder.bench.Throughput "$@"
