package paragent.analyzer.render.html;

import paragent.analyzer.Analysis;
import paragent.analyzer.model.IpcModel;

/**
 * The one place the report reads a process's {@link IpcModel} from its {@link Analysis}. The
 * analysis does not carry one yet, so every process has none and its IPC tables are left out;
 * once {@code Analysis.ipc()} exists this returns it. Stateless; thread-safe.
 */
final class ProcessIpc {

    private ProcessIpc() {
    }

    /** @return the process's channels, serialization and mapped files */
    static IpcModel of(Analysis analysis) {
        return IpcModel.empty();
    }
}
