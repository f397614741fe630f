package io.cesiumdb.tests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules the compiler cannot see, checked over the production classes of every module
 * (they are on this module's test classpath as jars).
 */
class ArchitectureTest {
  private static JavaClasses production;

  /**
   * Third-party code the JDBC driver jar relocates under its own package (Avatica, gRPC, protobuf,
   * Jackson...): not ours, so not held to our rules; the driver's own classes still are.
   */
  static final String SHADED = "/io/cesiumdb/jdbc/shaded/";

  /** Wall-clock reads: only io.cesiumdb.truetime may call these. */
  static final Set<String> WALL_CLOCK_READS =
      Set.of(
          "java.lang.System.currentTimeMillis",
          "java.time.Instant.now",
          "java.time.LocalDateTime.now",
          "java.time.LocalDate.now",
          "java.time.LocalTime.now",
          "java.time.ZonedDateTime.now",
          "java.time.OffsetDateTime.now",
          "java.time.Clock.systemUTC",
          "java.time.Clock.systemDefaultZone");

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains(SHADED))
            .importPackages("io.cesiumdb");
  }

  @Test
  void truetimeDependsOnTheJdkAlone() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("io.cesiumdb.truetime..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.cesiumdb.truetime..")
            .because("truetime is the leaf every timestamp rests on (style.md, CockroachDB hlc)");
    rule.check(production);
  }

  @Test
  void wallClockIsReadOnlyInsideTruetime() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("io.cesiumdb.truetime..")
            .should()
            .callMethodWhere(readsTheWallClock())
            .because("every timestamp must come from TrueTime, whose interval bounds the error");
    rule.check(production);
  }

  @Test
  void lowerLayersDoNotImportUpperOnes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.cesiumdb.truetime..",
            "io.cesiumdb.common..",
            "io.cesiumdb.proto..",
            "io.cesiumdb.tablet..",
            "io.cesiumdb.pd..",
            "io.cesiumdb.txn..",
            "io.cesiumdb.sql..",
            "io.cesiumdb.jdbc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cesiumdb.server..")
        .because("server is the only composition root")
        .check(production);
    noClasses()
        .that()
        .resideInAPackage("io.cesiumdb.tablet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.cesiumdb.txn..", "io.cesiumdb.sql..", "io.cesiumdb.pd..")
        .allowEmptyShould(true)
        .check(production);
  }

  @Test
  void jdbcDriverSeesOnlyTheWireFormats() {
    classes()
        .that()
        .resideInAPackage("io.cesiumdb.jdbc..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "io.cesiumdb.truetime..",
            "io.cesiumdb.common..",
            "io.cesiumdb.tablet..",
            "io.cesiumdb.pd..",
            "io.cesiumdb.txn..",
            "io.cesiumdb.sql..",
            "io.cesiumdb.server..")
        .allowEmptyShould(true)
        .check(production);
  }

  static DescribedPredicate<JavaMethodCall> readsTheWallClock() {
    return DescribedPredicate.describe(
        "a wall-clock read " + WALL_CLOCK_READS,
        call ->
            WALL_CLOCK_READS.contains(call.getTargetOwner().getFullName() + "." + call.getName()));
  }
}
