package sessionlab.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Views bind, models decide: the app reaches the engine only through the runner, never a stack. */
class AppArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("sessionlab.app");

    @Test
    void noAppClassTouchesAStack() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("sessionlab.stack..").check(APP);
    }

    @Test
    void viewsBindToTheViewModelAndNeverRunAnything() {
        noClasses().that().resideInAnyPackage("sessionlab.app.view..", "sessionlab.app.model..")
                .should().dependOnClassesThat().resideInAnyPackage("sessionlab.run..", "sessionlab.export..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("sessionlab.app.playback.LessonRunner")
                .check(APP);
    }
}
