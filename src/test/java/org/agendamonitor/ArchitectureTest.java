package org.agendamonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of STYLE.md, enforced the way Kafka enforces import-control.xml. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.agendamonitor");
    }

    @Test
    void shouldKeepTheModelFreeOfEveryOtherPackage() {
        noClasses().that().resideInAPackage("..model..").should().dependOnClassesThat()
                .resideInAnyPackage("..agendamonitor.cli..", "..agendamonitor.config..", "..agendamonitor.ingest..",
                        "..agendamonitor.match..", "..agendamonitor.progress..", "..agendamonitor.alert..",
                        "..agendamonitor.stream..", "..agendamonitor.web..", "..agendamonitor.kafka..",
                        "..agendamonitor.metrics..", "org.apache.kafka..")
                .check(classes);
    }

    @Test
    void shouldKeepMatchingAndProgressPureOfKafka() {
        noClasses().that().resideInAnyPackage("..agendamonitor.match..", "..agendamonitor.progress..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "..agendamonitor.kafka..",
                        "..agendamonitor.stream..", "..agendamonitor.web..")
                .check(classes);
    }

    @Test
    void shouldKeepTheBreakingStoryDetectorPureOfKafkaAndDelivery() {
        noClasses().that().haveSimpleNameStartingWith("BreakingStoryDetector").or().haveSimpleName("AlertIds")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "..agendamonitor.kafka..",
                        "..agendamonitor.stream..", "jakarta.mail..", "java.net.http..")
                .check(classes);
    }

    @Test
    void shouldLetNothingDependOnTheCommandLineOrTheWebLayer() {
        noClasses().that().resideOutsideOfPackage("..agendamonitor.cli..").should().dependOnClassesThat()
                .resideInAPackage("..agendamonitor.cli..").check(classes);
        noClasses().that().resideOutsideOfPackages("..agendamonitor.cli..", "..agendamonitor.web..")
                .should().dependOnClassesThat().resideInAPackage("..agendamonitor.web..").check(classes);
    }

    @Test
    void shouldTouchStreamsBuilderOnlyInTheStreamPackage() {
        noClasses().that().resideOutsideOfPackage("..agendamonitor.stream..").should().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.kafka.streams.StreamsBuilder").check(classes);
    }
}
