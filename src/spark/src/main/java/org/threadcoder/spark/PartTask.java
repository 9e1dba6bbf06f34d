package org.threadcoder.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.threadcoder.Pipeline;
import org.threadcoder.model.Codebook;
import org.threadcoder.model.Page;
import org.threadcoder.output.ConceptMap;
import org.threadcoder.output.DatasetWriter;
import org.threadcoder.sentences.LanguageModels;
import org.threadcoder.tagging.ContextRules;
import org.threadcoder.tagging.Tagger;

/**
 * One partition's work on an executor: a {@link Pipeline} for the partition (the OpenNLP models are loaded once
 * per executor JVM by {@link LanguageModels#english()} and shared; pipelines are reused by the JVM's later
 * partitions), each input read whole from its file system and
 * parsed, split and tagged, and the core's {@link DatasetWriter} writing the partition's rows, in input order, to a
 * local folder that is then copied to the job's staging folder. The partition's {@link ConceptMap} goes back to
 * the driver, which folds the partitions' maps in order.
 */
final class PartTask implements Function2<Integer, Iterator<HadoopInputs.InputFile>, Iterator<PartTask.PartResult>> {
    private static final long serialVersionUID = 1L;

    /**
     * What every partition needs, shipped from the driver.
     *
     * @param codebook        the concepts
     * @param contextRules    the context rules
     * @param rollUp          whether child concepts also count under their ancestors
     * @param taggerOptions   how words are keyed and whether typos match
     * @param spreadsheetSafe whether text cells starting with a formula character get a leading {@code '}
     * @param partsFolder     where each partition leaves its files (on the output's file system)
     * @param hadoop          the driver's Hadoop settings (credentials and {@code spark.hadoop.*} options included)
     * @param earlierFailures inputs the driver could not list, written first, by partition 0, as {@code run} writes them
     */
    record Settings(Codebook codebook, ContextRules contextRules, boolean rollUp, Tagger.Options taggerOptions, boolean spreadsheetSafe,
                    String partsFolder, HashMap<String, String> hadoop, List<Pipeline.Failure> earlierFailures) implements Serializable {

        Settings {
            earlierFailures = List.copyOf(earlierFailures);
        }

        static HashMap<String, String> entries(Configuration configuration) {
            HashMap<String, String> entries = new HashMap<>();
            for (Map.Entry<String, String> entry : configuration) {
                entries.put(entry.getKey(), entry.getValue());
            }
            return entries;
        }

        Configuration configuration() {
            Configuration configuration = new Configuration(false);
            hadoop.forEach(configuration::set);
            return configuration;
        }
    }

    /**
     * What a partition did.
     *
     * @param index    the partition's position, which is its inputs' position in the run
     * @param folder   the folder its files were left in
     * @param map      its aggregate
     * @param pages    pages written
     * @param failures inputs that failed, in input order
     * @param warnings the pages' warnings, as {@code source: warning}
     */
    record PartResult(int index, String folder, ConceptMap map, int pages, List<Pipeline.Failure> failures, List<String> warnings)
            implements Serializable {

        PartResult {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /** What a pipeline is built from; pipelines built from equal ones are interchangeable. */
    private record PipelineKey(Codebook codebook, ContextRules contextRules, Tagger.Options taggerOptions) {
    }

    /**
     * Pipelines not in use in this executor JVM. A partition takes one (or builds one) and gives it back, so a JVM
     * holds one pipeline per task slot, as run holds one per worker, and their word caches stay warm from one
     * partition to the next instead of starting cold in each.
     */
    private static final Map<PipelineKey, Queue<Pipeline>> IDLE = new ConcurrentHashMap<>();

    private final Settings settings;

    PartTask(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<PartResult> call(Integer index, Iterator<HadoopInputs.InputFile> files) throws IOException {
        Configuration configuration = settings.configuration();
        Queue<Pipeline> idle = IDLE.computeIfAbsent(new PipelineKey(settings.codebook(), settings.contextRules(), settings.taggerOptions()),
                unused -> new ConcurrentLinkedQueue<>());
        Pipeline pooled = idle.poll();
        Pipeline pipeline = pooled != null ? pooled
                : new Pipeline(settings.codebook(), settings.contextRules(), LanguageModels.english(), settings.taggerOptions());
        java.nio.file.Path local = Files.createTempDirectory("threadcoder-part-");
        try {
            List<Pipeline.Failure> failures = new ArrayList<>(index == 0 ? settings.earlierFailures() : List.of());
            List<String> warnings = new ArrayList<>();
            int pages = 0;
            ConceptMap map;
            try (DatasetWriter writer = new DatasetWriter(local, settings.codebook(), settings.rollUp(), settings.spreadsheetSafe())) {
                while (files.hasNext()) {
                    HadoopInputs.InputFile file = files.next();
                    Path location = new Path(file.location());
                    Pipeline.Outcome outcome = pipeline.outcome(file.source(), () -> read(location, configuration));
                    if (outcome.failure() != null) {
                        failures.add(outcome.failure());
                        continue;
                    }
                    Page page = outcome.page();
                    outcome.warnings().forEach(warning -> warnings.add(page.source() + ": " + warning));
                    writer.addPage(page, outcome.tagged(), outcome.warnings());
                    pages++;
                }
                for (Pipeline.Failure failure : failures) {
                    writer.addFailure(failure.file(), failure.reason());
                }
                writer.commitRows();
                map = writer.conceptMap();
            }
            String folder = upload(local, index, configuration);
            return List.of(new PartResult(index, folder, map, pages, failures, warnings)).iterator();
        } finally {
            FileUtil.fullyDelete(local.toFile());
            idle.add(pipeline);
        }
    }

    private static byte[] read(Path location, Configuration configuration) throws IOException {
        try (FSDataInputStream in = OutputFolder.fileSystem(location, configuration).open(location)) {
            return in.readAllBytes();
        }
    }

    /**
     * Copies the partition's folder to the staging folder, under a name of this task attempt's own: a retried or
     * speculative attempt never writes into another's folder, and the driver takes the folder the accepted result names.
     */
    private String upload(java.nio.file.Path local, int index, Configuration configuration) throws IOException {
        TaskContext task = TaskContext.get();
        long attempt = task == null ? 0 : task.taskAttemptId();
        Path target = new Path(settings.partsFolder(), String.format(java.util.Locale.ROOT, "part-%05d-attempt-%d", index, attempt));
        FileSystem fileSystem = OutputFolder.fileSystem(target, configuration);
        FileUtil.copy(OutputFolder.localFileSystem(configuration), new Path(local.toUri()), fileSystem, target, false, configuration);
        return target.toString();
    }
}
