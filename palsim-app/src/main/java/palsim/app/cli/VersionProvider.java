package palsim.app.cli;

import palsim.app.run.MachineInfo;
import palsim.app.run.SoftwareVersion;
import picocli.CommandLine;

/** {@code palsim --version}: palsim's version and commit, and the Java it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    private final AppEnvironment environment;

    VersionProvider(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String[] getVersion() {
        SoftwareVersion software = environment.software().get();
        MachineInfo machine = environment.machine().get();
        return new String[] {
            "palsim " + software.describe(),
            "Java " + machine.jvmVersion() + " (" + machine.jvmVendor() + "), " + machine.osName() + " " + machine.arch()
                    + ", " + machine.cores() + " cores" + (machine.vectorBits() > 0 ? ", " + machine.vectorBits() + "-bit vectors" : "")
        };
    }
}
