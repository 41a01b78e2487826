package ai.haski.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering the design promises: data flows image -> inference -> analysis -> faces, and JavaFX stays in ui. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.haski.desktop");
    }

    @Test
    void nothingOutsideUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("ai.haski.desktop.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void imageDecodingKnowsNothingOfModelsOrFaces() {
        noClasses().that().resideInAPackage("ai.haski.desktop.image..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.model..",
                        "ai.haski.desktop.inference..", "ai.haski.desktop.analysis..", "ai.haski.desktop.cli..",
                        "ai.haski.desktop.session..", "ai.haski.desktop.ui..")
                .check(classes);
    }

    @Test
    void modelPackagesDoNotDependOnRuntimesOrFaces() {
        noClasses().that().resideInAPackage("ai.haski.desktop.model..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.inference..",
                        "ai.haski.desktop.analysis..", "ai.haski.desktop.cli..", "ai.haski.desktop.session..",
                        "ai.haski.desktop.ui..")
                .check(classes);
    }

    @Test
    void inferenceDoesNotDependOnTheFacadeOrFaces() {
        noClasses().that().resideInAPackage("ai.haski.desktop.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.analysis..",
                        "ai.haski.desktop.cli..", "ai.haski.desktop.session..", "ai.haski.desktop.ui..")
                .check(classes);
    }

    @Test
    void modelPackagesDoNotDependOnTheCatalog() {
        noClasses().that().resideInAPackage("ai.haski.desktop.model..")
                .should().dependOnClassesThat().resideInAPackage("ai.haski.desktop.catalog..")
                .check(classes);
    }

    @Test
    void runtimesDoNotDependOnTheCatalog() {
        noClasses().that().resideInAPackage("ai.haski.desktop.inference..")
                .should().dependOnClassesThat().resideInAPackage("ai.haski.desktop.catalog..")
                .check(classes);
    }

    @Test
    void theCatalogDependsOnNoFace() {
        noClasses().that().resideInAPackage("ai.haski.desktop.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.cli..",
                        "ai.haski.desktop.server..", "ai.haski.desktop.ui..", "ai.haski.desktop.session..")
                .check(classes);
    }

    @Test
    void theFacadeDoesNotDependOnFaces() {
        noClasses().that().resideInAPackage("ai.haski.desktop.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.cli..",
                        "ai.haski.desktop.session..", "ai.haski.desktop.server..", "ai.haski.desktop.ui..",
                        "ai.haski.desktop.spark..")
                .check(classes);
    }

    @Test
    void onlyTheSparkJobUsesSparkOrHadoop() {
        noClasses().that().resideOutsideOfPackage("ai.haski.desktop.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "scala..")
                .because("Spark is provided by the cluster: the app, its jar and its app-image run without it")
                .check(classes);
    }

    @Test
    void theSparkJobIsAFaceOverTheEngineAlone() {
        noClasses().that().resideInAPackage("ai.haski.desktop.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.cli..",
                        "ai.haski.desktop.server..", "ai.haski.desktop.ui..", "ai.haski.desktop.session..",
                        "ai.haski.desktop.catalog..")
                .check(classes);
    }

    @Test
    void theHttpServerIsOnlyStartedByTheServeCommand() {
        noClasses().that().resideOutsideOfPackages("ai.haski.desktop.server..", "ai.haski.desktop.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.server..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void sessionsDoNotDependOnTheFacesThatUseThem() {
        noClasses().that().resideInAPackage("ai.haski.desktop.session..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.haski.desktop.cli..", "ai.haski.desktop.ui..")
                .check(classes);
    }

    @Test
    void runtimesAreOnlyTouchedByTheInferencePackage() {
        noClasses().that().resideOutsideOfPackage("ai.haski.desktop.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "org.tensorflow.lite..")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateAndCommandsButNoControls() {
        noClasses().that().resideInAPackage("ai.haski.desktop.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .because("a ViewModel is tested without the JavaFX toolkit; controls belong to its View")
                .check(classes);
    }

    @Test
    void backgroundTasksKnowNothingOfControls() {
        noClasses().that().resideInAPackage("ai.haski.desktop.ui.task..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotKnowTheDesktopApp() {
        noClasses().that().resideInAnyPackage("ai.haski.desktop.image..", "ai.haski.desktop.model..",
                        "ai.haski.desktop.inference..", "ai.haski.desktop.analysis..", "ai.haski.desktop.cli..",
                        "ai.haski.desktop.platform..")
                .should().dependOnClassesThat().resideInAPackage("ai.haski.desktop.ui..")
                .check(classes);
    }

    @Test
    void theFacesReachModelsAndRuntimesOnlyThroughTheEngineAndTheCatalogue() {
        noClasses().that().resideInAnyPackage("ai.haski.desktop.cli..", "ai.haski.desktop.server..",
                        "ai.haski.desktop.ui..", "ai.haski.desktop.session..", "ai.haski.desktop.bench..",
                        "ai.haski.desktop.spark..")
                .should().dependOnClassesThat().resideInAPackage("ai.haski.desktop.inference..")
                .because("every face opens models through analysis.Engine and manages packages through catalog, so "
                        + "loading, thread budget and closing are decided in one place")
                .check(classes);
    }

    @Test
    void theTopLevelPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("ai.haski.desktop.(*)..").should().beFreeOfCycles().check(classes);
    }
}
