package io.cesiumdb.sql.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.proto.placement.ColumnDef;
import io.cesiumdb.proto.placement.ColumnType;
import io.cesiumdb.proto.placement.TableDef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PdCatalog}: when it asks the placement driver, and what it serves meanwhile. */
class PdCatalogTest {
  private final PdFixture f = new PdFixture();
  private final PdCatalog catalog = f.catalog();

  @AfterEach
  void stop() {
    f.close();
  }

  /** A table created behind the catalog's back, as another node's DDL would. */
  private TableDef createElsewhere(String name) {
    return f.pd.catalog.createTable(
        TableDef.newBuilder()
            .setSchema("PUBLIC")
            .setName(name)
            .addColumns(ColumnDef.newBuilder().setName("ID").setType(ColumnType.BIGINT))
            .addPrimaryKey("ID")
            .build());
  }

  @Test
  void theFirstUseLoadsTheCatalogWhichIsThenServedForTheTtl() {
    assertEquals(List.of("PUBLIC"), catalog.schemas());
    createElsewhere("T");
    f.advance(PdFixture.TTL.minusMillis(1));

    assertEquals(List.of(), catalog.tables("PUBLIC"), "still the cached snapshot");
    assertEquals(1, f.pd.catalogFetches());
  }

  @Test
  void afterTheTtlAConditionalFetchPicksUpChangesOrConfirmsTheSnapshot() {
    long v1 = catalog.version();
    f.advance(PdFixture.TTL);
    assertEquals(v1, catalog.version());
    assertEquals(1, f.pd.unchangedCatalogs.get(), "nothing changed: a few bytes");

    TableDef t = createElsewhere("T");
    f.advance(PdFixture.TTL);

    assertEquals(List.of(t), catalog.tables("PUBLIC"));
    assertTrue(catalog.version() > v1);
    assertEquals(2, f.pd.fullCatalogs.get());
  }

  @Test
  void aMissRefreshesOnceBeforeAnsweringEmpty() {
    catalog.version();
    TableDef t = createElsewhere("T");

    assertEquals(Optional.of(t), catalog.table("PUBLIC", "T"), "found by the miss refresh");
    assertEquals(List.of(t), catalog.tables("PUBLIC"), "the refresh replaced the snapshot");
    int fetches = f.pd.catalogFetches();
    assertEquals(Optional.empty(), catalog.table("PUBLIC", "NOPE"));
    assertEquals(fetches + 1, f.pd.catalogFetches(), "one fetch per miss");

    f.pd.catalog.createSchema("S2");
    assertTrue(catalog.hasSchema("S2"));
  }

  @Test
  void refreshAlwaysAsksThePlacementDriver() {
    catalog.version();
    createElsewhere("T");
    catalog.refresh();
    catalog.refresh();

    assertEquals(1, catalog.tables("PUBLIC").size());
    assertEquals(3, f.pd.catalogFetches());
  }

  @Test
  void aFailedTtlRefreshKeepsServingTheLastSnapshotAndRetriesOneTtlLater() {
    long v = catalog.version();
    f.pd.down = true;
    f.advance(PdFixture.TTL);

    assertEquals(v, catalog.version(), "served stale, no error");
    assertEquals(List.of("PUBLIC"), catalog.schemas(), "not asked again within the TTL");

    f.pd.down = false;
    createElsewhere("T");
    f.advance(PdFixture.TTL);
    assertEquals(1, catalog.tables("PUBLIC").size());
  }

  @Test
  void withoutAnySnapshotOrOnAForcedRefreshAFailureIsTheCallersError() {
    f.pd.down = true;
    CesiumException first = assertThrows(CesiumException.class, catalog::schemas);
    assertEquals(ErrorCode.UNAVAILABLE, first.code(), first.getMessage());

    f.pd.down = false;
    catalog.schemas();
    f.pd.down = true;
    CesiumException forced = assertThrows(CesiumException.class, catalog::refresh);
    assertEquals(ErrorCode.UNAVAILABLE, forced.code());
  }

  @Test
  void aNegativeTtlIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PdCatalog(f.calls(), Duration.ofMillis(-1), Duration.ofSeconds(1)));
  }
}
