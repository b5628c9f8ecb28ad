package palsim.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine and JVM a run used. Recorded because floating-point results depend on them: the
 * Vector API's preferred vector width decides how many seeds share a SIMD group and which kernels run,
 * and fused multiply-adds and summation orders differ between code paths.
 *
 * @param jvmVendor e.g. {@code Eclipse Adoptium}
 * @param jvmVersion e.g. {@code 25+36-LTS}
 * @param jvmName e.g. {@code OpenJDK 64-Bit Server VM}
 * @param osName e.g. {@code Linux}
 * @param osVersion the kernel or OS version
 * @param arch e.g. {@code amd64}
 * @param cpuModel e.g. {@code Intel(R) Xeon(R) …}, or {@code unknown}
 * @param cores processors available to the JVM
 * @param vectorBits the Vector API's preferred vector size in bits (0 if the module is absent)
 */
public record MachineInfo(String jvmVendor, String jvmVersion, String jvmName, String osName, String osVersion, String arch,
        String cpuModel, int cores, int vectorBits) {

    /** This JVM and machine. */
    public static MachineInfo current() {
        return new MachineInfo(System.getProperty("java.vm.vendor", "unknown"),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
                System.getProperty("java.vm.name", "unknown"), System.getProperty("os.name", "unknown"),
                System.getProperty("os.version", "unknown"), System.getProperty("os.arch", "unknown"),
                detectCpuModel().orElse("unknown"), Runtime.getRuntime().availableProcessors(), detectVectorBits());
    }

    /** The first "model name" of /proc/cpuinfo (Linux); empty elsewhere. */
    static Optional<String> detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .filter(s -> !s.isEmpty()).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static int detectVectorBits() {
        try {
            return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
        } catch (LinkageError e) {
            return 0;
        }
    }
}
