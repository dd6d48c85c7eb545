package org.ichnaea.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package rules the build cannot check by module (docs/architecture.md "The hexagon rule"), over the main classes
 * of every module (app's test class path holds them all; test classes and test jars are left out):
 * <ul>
 *   <li>no cycles between packages: each package may use another only if that one does not use it back, directly or
 *       through others;</li>
 *   <li>{@code core} reaches neither the file system nor the network: no files, paths, channels, sockets, URLs, HTTP
 *       clients or processes (an {@code InetAddress} is a value: core parses client addresses, it does not connect).</li>
 * </ul>
 * One exception to the first rule, kept on purpose: the locate engine's parts ({@code core.locate.cell},
 * {@code core.locate.wifi}, {@code core.locate.fallback}) count as one package with {@code core.locate}. The engine's
 * facade there ({@code Locator}, {@code InternalSource}, {@code PositionSearcher}) assembles the parts, and the parts
 * answer in its values ({@code Result}, {@code ResultSource}, {@code LocateQuery}); splitting them would move those
 * values away from the engine that defines them.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("org.ichnaea");

    /** Every package is its own slice, but for the locate engine's parts, which are one with core.locate. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return SliceIdentifier.of(name.startsWith("org.ichnaea.core.locate.") ? "org.ichnaea.core.locate" : name);
        }

        @Override
        public String getDescription() {
            return "packages of org.ichnaea (core.locate with its subpackages)";
        }
    };

    /** File-system and network access from the JDK, by package. */
    private static final Set<String> IO_PACKAGES = Set.of("java.nio.file", "java.nio.file.attribute",
            "java.nio.channels", "java.net.http", "javax.imageio", "javax.net", "javax.net.ssl");

    /** File-system and network access from the JDK, by class. */
    private static final Set<String> IO_CLASSES = Set.of("java.io.File", "java.io.FileInputStream",
            "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "java.io.FileDescriptor", "java.net.Socket", "java.net.ServerSocket", "java.net.DatagramSocket",
            "java.net.MulticastSocket", "java.net.URL", "java.net.URLConnection", "java.net.HttpURLConnection",
            "java.net.JarURLConnection", "java.net.URLClassLoader", "java.lang.ProcessBuilder", "java.lang.Process");

    @Test
    void the_main_classes_are_imported() {
        // The rules below hold trivially over nothing: make sure every module's classes are there.
        for (String pkg : new String[] {"org.ichnaea.core.locate", "org.ichnaea.http", "org.ichnaea.mysql",
                "org.ichnaea.redis", "org.ichnaea.geoip", "org.ichnaea.app"}) {
            if (!MAIN.containPackage(pkg)) {
                throw new AssertionError("no classes of " + pkg + " imported");
            }
        }
        if (MAIN.contain("org.ichnaea.core.testing.TestStations")
                || MAIN.contain("org.ichnaea.app.ArchitectureTest")) {
            throw new AssertionError("test classes were imported");
        }
    }

    @Test
    void no_package_cycles() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void core_reaches_neither_the_file_system_nor_the_network() {
        noClasses().that().resideInAPackage("org.ichnaea.core..")
                .should().dependOnClassesThat(DescribedPredicate.describe("file-system or network access",
                        c -> IO_CLASSES.contains(c.getName()) || IO_PACKAGES.contains(c.getPackageName())))
                .because("core is a library without I/O (docs/architecture.md, \"The hexagon rule\")")
                .check(MAIN);
    }
}
