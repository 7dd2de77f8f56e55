package sessionlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("sessionlab");

    @Test
    void theEngineNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(ENGINE);
    }

    @Test
    void theScenarioLanguageKnowsNoStack() {
        noClasses().that().resideInAPackage("sessionlab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("sessionlab.stack..", "sessionlab.run..", "sessionlab.cli..")
                .check(ENGINE);
    }

    @Test
    void eventsDependOnNothingElseOfTheEngine() {
        noClasses().that().resideInAPackage("sessionlab.event..")
                .should().dependOnClassesThat().resideInAnyPackage("sessionlab.stack..", "sessionlab.wire..", "sessionlab.scenario..")
                .check(ENGINE);
    }

    @Test
    void theExportReadsOnlyTheEventLog() {
        // a capture is made from what a run recorded, never by reaching into a stack or a running scenario
        noClasses().that().resideInAPackage("sessionlab.export..")
                .should().dependOnClassesThat().resideInAnyPackage("sessionlab.stack..", "sessionlab.run..", "sessionlab.scenario..",
                        "sessionlab.cli..", "sessionlab.wire..")
                .check(ENGINE);
    }
}
