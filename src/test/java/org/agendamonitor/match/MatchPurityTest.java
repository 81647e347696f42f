package org.agendamonitor.match;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The match stage stays pure: it may use model, config records and Lucene, never Kafka, the CLI or the web layer. */
class MatchPurityTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.agendamonitor.match", "org.agendamonitor.config");

    @Test
    void shouldNotDependOnKafkaCliOrWeb() {
        noClasses().that().resideInAPackage("org.agendamonitor.match..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "org.agendamonitor.cli..", "org.agendamonitor.web..",
                        "org.agendamonitor.stream..", "org.agendamonitor.kafka..")
                .check(CLASSES);
    }

    @Test
    void shouldKeepConfigIndependentOfMatch() {
        noClasses().that().resideInAPackage("org.agendamonitor.config..")
                .should().dependOnClassesThat().resideInAPackage("org.agendamonitor.match..")
                .check(CLASSES);
    }
}
