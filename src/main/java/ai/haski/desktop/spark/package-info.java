/**
 * The Spark job: the same analysis as {@code analyze}, over a folder, a glob or a list of photos on any Hadoop file
 * system, one row per file, written through Spark's commit protocol. A face over {@code analysis}, like
 * {@code server}; Spark itself is {@code provided}, so only the job jar and the cluster carry it.
 */
package ai.haski.desktop.spark;
