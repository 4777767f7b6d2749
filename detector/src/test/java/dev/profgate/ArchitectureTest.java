package dev.profgate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The layering of ARCHITECTURE.md, checked on the production classes: each layer uses only the layers below it,
 * the modes use the layers and each other without cycles, nothing uses {@code cli}, the base uses nothing of
 * profgate's, and only {@code cli} knows picocli.
 */
@AnalyzeClasses(packages = "dev.profgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The layers from the bottom up; each may use only those listed before it. */
    private static final String[][] LAYERS = {
        {"base", "dev.profgate.base.."},
        {"model", "dev.profgate.model.."},
        {"format", "dev.profgate.format.."},
        {"net", "dev.profgate.net.."},
        {"source", "dev.profgate.source.."},
        {"analysis", "dev.profgate.analysis.."},
        {"rules", "dev.profgate.rules.."},
        {"config", "dev.profgate.config.."},
        {"report", "dev.profgate.report.."},
        {"publish", "dev.profgate.publish.."},
    };

    /** The modes: each one's flow, types and reports, over the layers. */
    private static final String[] MODES = {"dev.profgate.compare..", "dev.profgate.deploy..", "dev.profgate.bench..",
        "dev.profgate.bisect..", "dev.profgate.attribution..", "dev.profgate.quarterly..", "dev.profgate.top.."};

    @ArchTest
    static final ArchRule LAYERS_USE_ONLY_LOWER_LAYERS = layers();

    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("dev.profgate.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule BASE_USES_NOTHING_OF_OURS = noClasses().that().resideInAPackage("dev.profgate.base..")
            .should().dependOnClassesThat(resideInAPackage("dev.profgate..")
                    .and(not(resideInAPackage("dev.profgate.base.."))));

    @ArchTest
    static final ArchRule ONLY_CLI_KNOWS_PICOCLI = noClasses().that().resideOutsideOfPackage("dev.profgate.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    private static ArchRule layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            architecture = architecture.layer(layer[0]).definedBy(layer[1]);
        }
        architecture = architecture.layer("modes").definedBy(MODES).layer("cli").definedBy("dev.profgate.cli..");
        String[] below = new String[0];
        for (String[] layer : LAYERS) {
            architecture = below.length == 0 ? architecture.whereLayer(layer[0]).mayNotAccessAnyLayer()
                    : architecture.whereLayer(layer[0]).mayOnlyAccessLayers(below);
            below = append(below, layer[0]);
        }
        return architecture.whereLayer("modes").mayOnlyAccessLayers(below)
                .whereLayer("cli").mayNotBeAccessedByAnyLayer();
    }

    private static String[] append(String[] names, String name) {
        String[] longer = java.util.Arrays.copyOf(names, names.length + 1);
        longer[names.length] = name;
        return longer;
    }
}
