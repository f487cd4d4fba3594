package io.jdisco.worker.core.jobhome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @TempDir
    Path tmp;

    private String archive() throws Exception {
        return Files.writeString(tmp.resolve("client.jsa"), "archive").toString();
    }

    @Test
    void anArchiveOfTheWorkersLeadingClassPathIsOffered() throws Exception {
        String archive = archive();
        assertEquals(Optional.of(archive), ClassArchive.usable(archive, "/opt/jdisco.jar",
                "/opt/jdisco.jar:lib/*:classes"));
        assertEquals(Optional.of(archive), ClassArchive.usable(archive, "/opt/jdisco.jar", "/opt/jdisco.jar"));
    }

    @Test
    void anArchiveOfAnotherClassPathIsNotOffered() throws Exception {
        String archive = archive();
        assertEquals(Optional.empty(), ClassArchive.usable(archive, "/opt/jdisco.jar", "/opt/other.jar:lib/*"));
        assertEquals(Optional.empty(), ClassArchive.usable(archive, "/opt/jdisco.jar", "/opt/jdisco.jar2:lib/*"));
        assertEquals(Optional.empty(), ClassArchive.usable(archive, "", "/opt/jdisco.jar:lib/*"));
    }

    @Test
    void aMissingRelativeOrPairedArchiveIsNotOffered() throws Exception {
        String archive = archive();
        assertEquals(Optional.empty(), ClassArchive.usable(tmp.resolve("gone.jsa").toString(), "/a.jar", "/a.jar"));
        assertEquals(Optional.empty(), ClassArchive.usable("client.jsa", "/a.jar", "/a.jar"));
        assertEquals(Optional.empty(), ClassArchive.usable(archive + ":" + archive, "/a.jar", "/a.jar"));
        assertEquals(Optional.empty(), ClassArchive.usable(null, "/a.jar", "/a.jar"));
    }

    @Test
    void aJvmWhoseLauncherNamedNoArchiveOffersNone() {
        assertEquals(null, System.getProperty(ClassArchive.PROPERTY));
        assertEquals(Optional.empty(), ClassArchive.forWorkerClassPath(System.getProperty("java.class.path")));
    }
}
