package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdisco.local.LocalMaster;
import io.jdisco.local.LocalMasterConfig.WorkerMode;
import io.jdisco.schemes.disco.DiscoSchemeProvider;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client settings an embedded master's connection adds, so that results are read from its disk. */
class MasterConnectionTest {
    @Test
    void embeddedSettingsNameTheMastersHostAndDataRootsAndKeepTheOthers() {
        try (LocalMaster master = LocalMaster.start()) {
            Map<String, String> s = MasterConnection.embeddedSettings(Map.of("DISCO_PORT", "1234"), master);
            assertEquals(Map.of(
                    "DISCO_PORT", "1234",
                    DiscoSchemeProvider.LOCAL_HOST_SETTING, master.host(),
                    "DISCO_DATA", master.discoData().toString(),
                    "DDFS_DATA", master.ddfsData().toString()), s);
        }
    }

    @Test
    void closingInTheBackgroundStopsTheEmbeddedMasterByTheTimeTheJoinReturns() throws Exception {
        Console console = new Console(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), false, Map.of());
        MasterConnection connection = MasterConnection.remoteOrEmbedded(null, console, WorkerMode.THREADS);
        connection.disco();
        Path data = Path.of(connection.readContext().setting("DISCO_DATA").orElseThrow());
        assertTrue(Files.isDirectory(data), "the embedded master's data while open");
        connection.closeInBackground().join();
        assertFalse(Files.exists(data), "deleted once the join returned: " + data);
    }
}
