package org.threadcoder.output;

import java.util.List;

/**
 * What produced a run, for readers who must check it: tool version, codebook file and hash, models.
 * No clock time: two runs on the same inputs write the same bytes.
 */
public record RunManifest(String toolVersion, String codebookFile, String codebookSha256, String contextRulesFile,
                          String contextRulesSha256, List<String> models) {

    public RunManifest {
        models = List.copyOf(models);
    }
}
