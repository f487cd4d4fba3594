package io.jdisco.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdisco.local.LocalMaster;
import io.jdisco.schemes.disco.DiscoSchemeProvider;
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
}
