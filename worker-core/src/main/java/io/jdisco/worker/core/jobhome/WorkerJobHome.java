package io.jdisco.worker.core.jobhome;

import io.jdisco.modutil.ModUtil;
import io.jdisco.modutil.RequiredFiles;
import io.jdisco.modutil.RequiredModules;
import io.jdisco.modutil.RuntimeClasses;
import io.jdisco.modutil.Shipment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the job home of a worker (the seed's {@code Worker.jobzip}, SPEC §3.7, §10):
 * <pre>
 *   bin/worker          the launcher (DESIGN.md §3.9)
 *   lib/*.jar           the jdisco runtime ({@link RuntimeClasspath}), the jars modutil found,
 *                       and required files given as paths
 *   classes/...         class files of the job's own classes found by modutil
 *   &lt;name&gt;              required files given as name → content
 * </pre>
 * With no {@code required_modules}, the modules of every job function are found recursively and
 * the local ones sent, as the seed does by default.
 *
 * <p>With the job setting {@value #RUNTIME_SETTING} = {@code "local"} ({@link Runtime#LOCAL}) the
 * runtime jars are not carried: the launcher's class path names them by their absolute paths on
 * this machine, before {@code lib/*:classes}. That is for a master on the client's own machine
 * (its workers run here), where it saves packing, sending, storing and unpacking the runtime
 * (6 MB for the shaded command line) at every job; a job built so cannot run on other nodes. When
 * a runtime location is a class directory or its path has characters the launcher cannot quote,
 * the runtime is carried after all. The launcher of such a job home also maps this JVM's class
 * archive when the workers can use it ({@link ClassArchive}).
 */
public final class WorkerJobHome {
    /** The job setting that says how the runtime travels: {@code "shipped"} (default) or {@code "local"}. */
    public static final String RUNTIME_SETTING = "jdisco_runtime";

    /** How the jdisco runtime reaches the worker. */
    public enum Runtime {
        /** In the job home's {@code lib/}: the job runs on any node with a JDK (the default). */
        SHIPPED,
        /** By absolute paths on the client's machine: only for a master on that machine. */
        LOCAL;

        /**
         * The mode of the {@value #RUNTIME_SETTING} setting {@code value}: {@code null} or
         * {@code "shipped"}, or {@code "local"}.
         *
         * @throws IllegalArgumentException for any other value, naming it
         */
        public static Runtime fromSetting(Object value) {
            if (value == null || "shipped".equals(value)) {
                return SHIPPED;
            }
            if ("local".equals(value)) {
                return LOCAL;
            }
            throw new IllegalArgumentException("job setting '" + RUNTIME_SETTING
                    + "' must be \"shipped\" or \"local\", got " + value);
        }
    }

    private WorkerJobHome() {
    }

    /**
     * The job home writer for {@code worker}, ready to be written or extended.
     *
     * @param worker the worker object (its class and the classes it reaches are the job's)
     * @param bin the worker executable, relative to the job home (the jobdict's {@code worker})
     * @param parameters the worker's parameters: the job functions whose modules are found
     * @param requiredModules the {@code required_modules} parameter ({@code null}: find them)
     * @param requiredFiles the {@code required_files} parameter ({@code null}: none)
     * @param mode how the runtime travels
     * @throws io.jdisco.modutil.ModUtilException when a class a function needs cannot be found
     */
    public static JobHomeWriter build(Object worker, String bin, Map<String, ?> parameters, Object requiredModules,
            Object requiredFiles, Runtime mode) throws IOException {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(bin, "bin");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(mode, "mode");
        ClassLoader loader = worker.getClass().getClassLoader();
        RuntimeClasspath runtime = RuntimeClasspath.of(worker.getClass(),
                loader != null ? loader : ClassLoader.getSystemClassLoader());
        JobHomeWriter home = new JobHomeWriter();
        Optional<String> localPath = mode == Runtime.LOCAL ? runtime.localClassPath() : Optional.empty();
        List<String> reserved = new ArrayList<>();
        if (localPath.isPresent()) {
            String classPath = localPath.get() + ":" + WorkerLauncher.DEFAULT_CLASS_PATH;
            WorkerLauncher launcher = WorkerLauncher.standard().withClassPath(classPath);
            home.addLauncher(bin, ClassArchive.forWorkerClassPath(classPath).map(launcher::withClassArchive)
                    .orElse(launcher));
        } else {
            home.addLauncher(bin, WorkerLauncher.standard());
            reserved.addAll(runtime.addTo(home));
        }
        reserved.add(bin);

        // Runtime = exactly what this job home ships as runtime: a class from anywhere else is
        // sent, whatever its package (a class directory may mix jdisco and user classes).
        ModUtil modutil = ModUtil.with(RuntimeClasses.none().withLocations(runtime.locations()));
        RequiredModules modules = modutil.requiredModules(requiredModules, functionsOf(worker, parameters));
        RequiredFiles files = requiredFiles == null ? RequiredFiles.empty() : RequiredFiles.from(requiredFiles);
        Shipment.plan(modules, files, reserved).writeTo((name, content) -> home.addBytes(name, content.readAllBytes()));
        return home;
    }

    /** The worker's parameters by name, and the worker itself: everything that travels in the job data. */
    private static Map<String, Object> functionsOf(Object worker, Map<String, ?> parameters) {
        Map<String, Object> functions = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (value != null) {
                functions.put(key, value);
            }
        });
        functions.put("worker", worker);
        return functions;
    }
}
