#!/usr/bin/env bash
# Runs the Haski Spark job on this machine without a Spark installation: the driver is a plain `java` with
# Spark's jars as Maven resolved them, against `--master local[N]` or a standalone master (spark://HOST:PORT).
#
#   packaging/spark/run.sh --master 'local[2]' --input DIR --output OUT [--format json|parquet] [--model ID]
#                          [--backend onnx|tflite] [--resume] [--partitions N] [--models-dir DIR]
#
# Builds target/haski-spark-job.jar first when it is missing (mvn -DskipTests package), and writes Spark's
# class path once into target/spark-classpath.txt. SPARK_DRIVER_MEMORY (default 1g) sizes the driver.
# On a real cluster use spark-submit instead: docs/SPARK.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# Not cd'ing there: relative --input and --output paths are the caller's.
root=$(cd "$here/../.." && pwd)

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=$root/target/haski-spark-job.jar
classpath_file=$root/target/spark-classpath.txt

master=
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) [ $# -ge 2 ] || { echo "error: --master needs a URL (local[2], spark://HOST:7077)" >&2; exit 2; }
              master=$2; shift 2 ;;
    --master=*) master=${1#--master=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -z "$master" ]; then
  echo "error: --master is required: local[N] for this machine, spark://HOST:PORT for a standalone cluster" >&2
  exit 2
fi

if [ ! -f "$jar" ]; then
  echo "building $jar (mvn -q -DskipTests package) ..." >&2
  (cd "$root" && mvn -B -q -DskipTests package)
fi
if [ ! -s "$classpath_file" ] || [ "$root/pom.xml" -nt "$classpath_file" ]; then
  # compile scope: the engine's libraries and Spark (provided), as the job sees them on a cluster.
  (cd "$root" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile \
     -Dmdep.outputFile="$classpath_file" >&2)
fi

# Spark 4 on Java 17 needs these packages opened; the list is the one in pom.xml (spark.jvm.options).
read -r -a jvm_options <<<"$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$root/pom.xml")"

# spark.jars ships the job jar to the executors of a standalone master (local[N] runs in this JVM).
exec "$java" "${jvm_options[@]}" -Xmx"${SPARK_DRIVER_MEMORY:-1g}" \
  -Dlogback.configurationFile="$here/logback.xml" \
  -Dhaski.models.dir="$root/models" -Dspark.master="$master" -Dspark.jars="$jar" \
  -cp "$jar:$(cat "$classpath_file")" ai.haski.desktop.spark.HaskiSparkJob "${args[@]}"
