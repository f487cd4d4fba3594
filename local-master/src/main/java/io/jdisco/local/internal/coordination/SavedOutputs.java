package io.jdisco.local.internal.coordination;

import io.jdisco.local.internal.ddfs.DdfsStore;
import io.jdisco.local.internal.node.NodeLayout;
import io.jdisco.local.internal.pipeline.StageOutput;
import io.jdisco.local.internal.pipeline.TaskRun;
import io.jdisco.local.internal.session.AttemptOutcome;
import io.jdisco.worker.index.IndexLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §2.4.7 {@code save_results}: the outputs of a last-stage task as DDFS blobs, each local
 * output stored as blob {@code <job>:<taskid>:0:<file>}.
 */
final class SavedOutputs {
    private SavedOutputs() {
    }

    /** The outputs of {@code done}, attempt of {@code task} of job {@code jobName}: its local outputs as blobs, then its data outputs. */
    static List<StageOutput> save(NodeLayout layout, DdfsStore ddfs, String jobName, TaskRun task,
            AttemptOutcome.Done done) throws IOException {
        List<StageOutput> saved = new ArrayList<>();
        for (IndexLine line : done.localOutputs()) {
            Path file = layout.localFile(line.url()).orElseThrow(() -> new IOException(
                    "output " + line.url() + " is not a file of this node"));
            String base = file.getFileName().toString();
            String blob = ddfs.storeFile(jobName + ":" + task.taskid() + ":0:" + base, file);
            saved.add(new StageOutput.Data(line.label(), line.size(), List.of(blob)));
        }
        for (StageOutput o : done.outputs()) {
            if (o instanceof StageOutput.Data) {
                saved.add(o);
            }
        }
        return saved;
    }
}
