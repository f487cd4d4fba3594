package io.jdisco.worker.core.jobhome;

import io.jdisco.modutil.ModUtil;
import io.jdisco.modutil.RequiredFiles;
import io.jdisco.modutil.RequiredModules;
import io.jdisco.modutil.RuntimeClasses;
import io.jdisco.modutil.Shipment;
import io.jdisco.worker.core.Worker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the job home of a {@link Worker} (the seed's {@code Worker.jobzip}, SPEC §3.7, §10):
 * <pre>
 *   bin/worker          the launcher (DESIGN.md §3.9)
 *   lib/*.jar           the jdisco runtime ({@link RuntimeClasspath}), the jars modutil found,
 *                       and required files given as paths
 *   classes/...         class files of the job's own classes found by modutil
 *   &lt;name&gt;              required files given as name → content
 * </pre>
 * With no {@code required_modules}, the modules of every job function are found recursively and
 * the local ones sent, as the seed does by default.
 */
public final class WorkerJobHome {
    private WorkerJobHome() {
    }

    /**
     * The job home writer for {@code worker}, ready to be written or extended.
     *
     * @param requiredModules the {@code required_modules} parameter ({@code null}: find them)
     * @param requiredFiles the {@code required_files} parameter ({@code null}: none)
     * @throws io.jdisco.modutil.ModUtilException when a class a function needs cannot be found
     */
    public static JobHomeWriter build(Worker worker, Object requiredModules, Object requiredFiles)
            throws IOException {
        Objects.requireNonNull(worker, "worker");
        ClassLoader loader = worker.getClass().getClassLoader();
        RuntimeClasspath runtime = RuntimeClasspath.of(worker.getClass(),
                loader != null ? loader : ClassLoader.getSystemClassLoader());
        JobHomeWriter home = new JobHomeWriter();
        home.addLauncher(worker.bin(), WorkerLauncher.standard());
        List<String> reserved = new ArrayList<>(runtime.addTo(home));
        reserved.add(worker.bin());

        // Runtime = exactly what this job home ships as runtime: a class from anywhere else is
        // sent, whatever its package (a class directory may mix jdisco and user classes).
        ModUtil modutil = ModUtil.with(RuntimeClasses.none().withLocations(runtime.locations()));
        RequiredModules modules = modutil.requiredModules(requiredModules, functionsOf(worker));
        RequiredFiles files = requiredFiles == null ? RequiredFiles.empty() : RequiredFiles.from(requiredFiles);
        Shipment.plan(modules, files, reserved).writeTo((name, content) -> home.addBytes(name, content.readAllBytes()));
        return home;
    }

    /** The worker's parameters by name, and the worker itself: everything that travels in the job data. */
    private static Map<String, Object> functionsOf(Worker worker) {
        Map<String, Object> functions = new LinkedHashMap<>();
        worker.parameters().forEach((key, value) -> {
            if (value != null) {
                functions.put(key, value);
            }
        });
        functions.put("worker", worker);
        return functions;
    }
}
