package io.jdisco.local.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.worker.DiscoNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting the partial files of one task's attempts, or of a whole job home. */
class PartialFilesTest {
    @TempDir
    Path home;

    private Path partial(String uid, String file) throws IOException {
        Path f = home.resolve(DiscoNames.hexhash(uid)).resolve(uid).resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        return f;
    }

    @Test
    void deletesOnlyThePartialFilesOfTheFailedTask() throws IOException {
        Path mine = partial("map:0-localhost-0-1f2e-4242", "map-0-localhost-0.partial");
        Path mineAgain = partial("map:0-localhost-0-77aa-4243", "sub/deep.partial");
        Path finished = partial("map:0-localhost-0-1f2e-4242", "map-0-localhost-1");
        Path otherTask = partial("map:1-localhost-10-1f2e-4242", "map-1-localhost-0.partial");
        Path otherStage = partial("reduce:0-localhost-0-1f2e-4242", "x.partial");
        Path hostWithDashes = partial("map:0-a-0-b-12-1f2e-4242", "y.partial");
        Path notATaskDir = home.resolve("lib/0-0-0/z.partial");
        Files.createDirectories(notATaskDir.getParent());
        Files.writeString(notATaskDir, "x");
        assertEquals(2, PartialFiles.deleteTask(home, "map", 0));
        assertFalse(Files.exists(mine));
        assertFalse(Files.exists(mineAgain));
        for (Path kept : new Path[] {finished, otherTask, otherStage, hostWithDashes, notATaskDir}) {
            assertTrue(Files.exists(kept), kept.toString());
        }
        assertEquals(1, PartialFiles.deleteTask(home, "map", 12));
    }

    @Test
    void aDirectoryInTheWrongHashDirectoryIsNotATaskDirectory() throws IOException {
        String uid = "map:0-localhost-0-1f2e-4242";
        String wrong = DiscoNames.hexhash(uid).equals("00") ? "01" : "00";
        Path f = home.resolve(wrong).resolve(uid).resolve("a.partial");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        assertEquals(0, PartialFiles.deleteTask(home, "map", 0));
        assertTrue(Files.exists(f));
    }

    @Test
    void sweepsAJobHomeAndToleratesAMissingOne() throws IOException {
        partial("map:0-localhost-0-1f2e-4242", "a.partial");
        Path kept = partial("map:0-localhost-0-1f2e-4242", "a");
        Files.writeString(home.resolve("hang-pid.partial"), "1");
        assertEquals(2, PartialFiles.deleteAll(home));
        assertTrue(Files.exists(kept));
        assertEquals(0, PartialFiles.deleteAll(home.resolve("nope")));
        assertEquals(0, PartialFiles.deleteTask(home.resolve("nope"), "map", 0));
    }
}
