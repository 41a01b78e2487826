package ai.haski.desktop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output folder: refused when it exists (so two runs never mix silently), or with {@code --resume}
 * appended to after skipping the photos it already has. Writing goes through Spark's file commit protocol: a task's
 * files appear only when that attempt commits, so a task re-run after a lost executor leaves no duplicate rows, and
 * {@code _SUCCESS} marks a finished job.
 */
final class OutputFolder {
    /** The JSON Lines output as one text column. */
    static final StructType LINES = new StructType().add("value", DataTypes.StringType, false);

    private final SparkSession spark;
    private final String output;
    private final boolean jsonLines;

    OutputFolder(SparkSession spark, String output, boolean jsonLines) {
        this.spark = spark;
        this.output = output;
        this.jsonLines = jsonLines;
    }

    /** Whether there is an output (a committed one: a job that died before committing left only _temporary). */
    boolean exists() throws IOException {
        Path path = new Path(output);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) {
            return false;
        }
        return fs.listStatus(path, p -> !p.getName().startsWith("_") && !p.getName().startsWith(".")).length > 0;
    }

    /** The input paths the output already has a row for. */
    Set<String> donePaths() {
        List<String> done = rows().select(jsonLines ? get_json_object(col("value"), "$." + ResultRows.PATH)
                : col(ResultRows.PATH)).as(Encoders.STRING()).collectAsList();
        return new HashSet<>(done);
    }

    /**
     * The whole output. JSON Lines is read as text and its fields with {@code get_json_object}: Spark's JSON reader
     * would first read everything once to infer a schema, and leave out {@code error} when no row has one.
     */
    private Dataset<Row> rows() {
        return jsonLines ? spark.read().text(output) : spark.read().parquet(output);
    }

    /**
     * Writes the rows: appended when {@code resuming}; otherwise into a new folder, or over a folder that holds no
     * committed output (what a job killed before its commit leaves).
     */
    void write(Dataset<Row> rows, boolean resuming) throws IOException {
        Path path = new Path(output);
        boolean leftover = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path) && !exists();
        SaveMode mode = resuming ? SaveMode.Append : leftover ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (jsonLines) {
            // Text, not Spark's JSON writer: each line is already the analyze object, with its own key order.
            rows.write().mode(mode).option("compression", "none").text(output);
        } else {
            rows.write().mode(mode).parquet(output);
        }
    }

    /** How many rows the whole output has, and how many of them carry an error (after {@link #write}). */
    long[] rowsAndFailures() {
        Column failed = jsonLines ? get_json_object(col("value"), "$.error.code").isNotNull()
                : col("error_code").isNotNull();
        Row counts = rows().agg(count(lit(1)), sum(when(failed, 1).otherwise(0))).first();
        return new long[] {counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1)};
    }
}
