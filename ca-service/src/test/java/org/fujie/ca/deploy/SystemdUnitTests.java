package org.fujie.ca.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd as systemd itself reads the units: `systemd-analyze verify` finds no unknown or misspelt directive,
 * and `systemd-analyze security` rates each sandbox at exposure 2.0 or lower (its scale: 0 is locked down, 10 is not
 * sandboxed at all).
 */
class SystemdUnitTests {

    private static final Path UNITS = Path.of("../deploy/systemd");
    private static final List<String> UNIT_NAMES = List.of("fujie-ca.service", "fujie-seal.service", "fujie-trust.service");
    /** systemd-analyze's --threshold counts in tenths of its exposure scale: 20 is 2.0. */
    private static final String MAXIMUM_EXPOSURE = "20";

    @Test
    void everyUnitIsUnderstoodBySystemdWithoutAWarning(@TempDir Path installed) throws Exception {
        // verify also checks that ExecStart= programs exist: install stand-ins for the scripts the image ships.
        Path bin = Files.createDirectories(installed.resolve("bin"));
        for (String script : List.of("fujie-run", "fujie-health")) {
            Files.writeString(bin.resolve(script), "#!/bin/sh\n");
            bin.resolve(script).toFile().setExecutable(true);
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String unit : UNIT_NAMES) {
            String text = Files.readString(UNITS.resolve(unit)).replace("/opt/fujie/bin/", bin + "/");
            command.add(Files.writeString(installed.resolve(unit), text).toString());
        }
        ExternalTool verify = ExternalTool.run(command);

        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stderr() + verify.stdout()).as("systemd-analyze verify").isBlank();
    }

    @Test
    void everyUnitIsSandboxedToExposureTwoOrLower() throws Exception {
        for (String unit : UNIT_NAMES) {
            ExternalTool security = ExternalTool.run(List.of("systemd-analyze", "security", "--offline=true",
                    "--threshold=" + MAXIMUM_EXPOSURE, UNITS.resolve(unit).toString()));

            assertThat(security.exitCode()).as(unit + ": " + lastLine(security.stdout())).isZero();
            assertThat(security.stdout()).contains("Overall exposure level for " + unit);
        }
    }

    @Test
    void everyUnitRunsAsTheDedicatedUserThatSysusersMakes() throws Exception {
        assertThat(Files.readString(UNITS.resolve("fujie.sysusers.conf"))).containsPattern("(?m)^u fujie 10001:10001 ");
        for (String unit : UNIT_NAMES) {
            assertThat(Files.readString(UNITS.resolve(unit))).as(unit)
                    .containsPattern("(?m)^User=fujie$").containsPattern("(?m)^NoNewPrivileges=yes$")
                    .containsPattern("(?m)^ProtectSystem=strict$");
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
