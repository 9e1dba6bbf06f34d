package org.threadcoder.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.threadcoder.Pipeline;
import org.threadcoder.cli.Setup;
import org.threadcoder.output.ConceptMap;
import org.threadcoder.output.DatasetWriter;
import org.threadcoder.tagging.Tagger;

/**
 * The run on Spark, driven from the driver: the inputs listed ({@link HadoopInputs}), cut into contiguous
 * partitions in input order, each partition processed by a {@link PartTask}, the partitions' aggregates folded in
 * partition order (the merge keeps order, so it is folded on the driver rather than by Spark's unordered
 * {@code reduce}), the partitions' files merged ({@link OutputFolder}), and the aggregate's files written by the
 * core's {@link DatasetWriter#writeAggregates}. Everything is written under a staging folder inside the output
 * folder and moved into place when whole; nothing is written when no input could be processed.
 */
final class SparkJob {

    /**
     * What to run.
     *
     * @param inputs     files or folders, as Hadoop paths or URIs
     * @param out        the output folder, a Hadoop path or URI
     * @param rollUp     whether child concepts also count under their ancestors
     * @param taggerOptions   how words are keyed and whether typos match, as for {@code run}
     * @param spreadsheetSafe whether text cells starting with a formula character get a leading {@code '}
     * @param partitions how many partitions; 0 for twice Spark's default parallelism
     */
    record Request(List<String> inputs, String out, boolean rollUp, Tagger.Options taggerOptions, boolean spreadsheetSafe, int partitions) {
        Request {
            inputs = List.copyOf(inputs);
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
            }
        }
    }

    /** What the job did: the counts of {@code run}'s summary, the failures and warnings in input order, the partitions used. */
    record Result(int pages, int threads, int sentences, int mentions, double keptShare, List<Pipeline.Failure> failures,
                  List<String> warnings, int partitions) {
    }

    private SparkJob() {
    }

    static Result run(JavaSparkContext spark, Setup.Loaded loaded, Request request) throws IOException {
        Configuration configuration = spark.hadoopConfiguration();
        Path out = new Path(request.out());
        FileSystem fileSystem = OutputFolder.fileSystem(out, configuration);
        out = fileSystem.makeQualified(out);
        HadoopInputs.Listing listing = HadoopInputs.list(request.inputs(), out.toString(), configuration);
        if (listing.inputs().isEmpty()) {
            return new Result(0, 0, 0, 0, 0, listing.failures(), listing.warnings(), 0);
        }
        Path staging = new Path(out, ".threadcoder-spark-" + spark.sc().applicationId());
        try {
            int partitions = Math.min(listing.inputs().size(),
                    request.partitions() > 0 ? request.partitions() : 2 * spark.defaultParallelism());
            PartTask.Settings settings = new PartTask.Settings(loaded.codebook(), loaded.contextRules(), request.rollUp(),
                    request.taggerOptions(), request.spreadsheetSafe(), new Path(staging, "parts").toString(), PartTask.Settings.entries(configuration),
                    listing.failures());
            List<PartTask.PartResult> results = new ArrayList<>(spark.parallelize(listing.inputs(), partitions)
                    .mapPartitionsWithIndex(new PartTask(settings), false).collect());
            results.sort(Comparator.comparingInt(PartTask.PartResult::index));
            ConceptMap map = results.get(0).map();
            List<Pipeline.Failure> failures = new ArrayList<>();
            List<String> warnings = new ArrayList<>(listing.warnings());
            int pages = 0;
            for (PartTask.PartResult result : results) {
                if (result.index() > 0) {
                    map.addAll(result.map());
                }
                failures.addAll(result.failures());
                warnings.addAll(result.warnings());
                pages += result.pages();
            }
            if (pages == 0) {
                // as run: keep whatever an earlier run left in the folder rather than replace it with empty files
                return new Result(0, 0, 0, 0, 0, failures, warnings, partitions);
            }
            Path merged = new Path(staging, "merged");
            OutputFolder.mergeParts(fileSystem, results.stream().map(result -> new Path(result.folder())).toList(), merged);
            writeAggregates(map, loaded, fileSystem, merged, configuration);
            OutputFolder.moveInto(fileSystem, merged, out);
            return new Result(pages, map.threads().size(), map.sentenceCount(), map.mentionCount(), map.keptShare(), failures,
                    warnings, partitions);
        } finally {
            fileSystem.delete(staging, true);
        }
    }

    /** The files made from the whole run's aggregate, written by the core on the driver's disk and copied in. */
    private static void writeAggregates(ConceptMap map, Setup.Loaded loaded, FileSystem fileSystem, Path merged,
                                        Configuration configuration) throws IOException {
        java.nio.file.Path local = Files.createTempDirectory("threadcoder-aggregate-");
        try {
            DatasetWriter.writeAggregates(local, map, loaded.manifest());
            OutputFolder.copyIn(local, fileSystem, merged, configuration);
        } finally {
            FileUtil.fullyDelete(local.toFile());
        }
    }
}
