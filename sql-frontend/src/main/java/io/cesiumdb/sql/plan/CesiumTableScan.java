package io.cesiumdb.sql.plan;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.CesiumTable;
import io.cesiumdb.sql.codec.TableRowCodec;
import io.cesiumdb.sql.exec.KeyScan;
import io.cesiumdb.sql.exec.ScanOperator;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Our table scan: reads one table's rows in key order, restricted to a {@link KeyScan} (point
 * lookups or key ranges), optionally projected and limited. Born full from {@link
 * CesiumTable#toRel}; the rules in {@code io.cesiumdb.sql.plan.rules} narrow it. It is an {@link
 * EnumerableRel} directly: its generated code is one call to a {@link ScanOperator} stashed in the
 * compiled plan, so a cached plan runs any number of times without generating code again.
 *
 * <p>EXPLAIN shows {@code keys=[point=[ID = ?0]]}, {@code keys=[range=[…]]} or {@code keys=[full]},
 * plus {@code project} and {@code limit} when pushed down.
 */
public final class CesiumTableScan extends TableScan implements EnumerableRel {
  private final CesiumTable cesiumTable;
  private final KeyScan keyScan;
  private final int[] projects;
  private final int limit;

  private CesiumTableScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      CesiumTable cesiumTable,
      KeyScan keyScan,
      int[] projects,
      int limit) {
    super(cluster, traits, List.of(), table);
    this.cesiumTable = cesiumTable;
    this.keyScan = keyScan;
    this.projects = projects;
    this.limit = limit;
  }

  /** A full scan of {@code cesiumTable}: every row, every column. */
  public static CesiumTableScan create(
      RelOptCluster cluster, RelOptTable table, CesiumTable cesiumTable) {
    return new CesiumTableScan(
        cluster,
        cluster.traitSetOf(EnumerableConvention.INSTANCE),
        table,
        cesiumTable,
        KeyScan.full(),
        null,
        0);
  }

  public CesiumTable cesiumTable() {
    return cesiumTable;
  }

  public KeyScan keyScan() {
    return keyScan;
  }

  /** Table positions of the output columns, or null for all columns in table order. */
  public int[] projects() {
    return projects == null ? null : projects.clone();
  }

  /** Most rows to return; 0 for no limit. */
  public int limit() {
    return limit;
  }

  /** Table position of output column {@code field}. */
  public int tableColumn(int field) {
    return projects == null ? field : projects[field];
  }

  public CesiumTableScan withKeyScan(KeyScan scan) {
    return new CesiumTableScan(getCluster(), traitSet, table, cesiumTable, scan, projects, limit);
  }

  /** {@code fields}: output positions of this scan to keep, in the new order. */
  public CesiumTableScan withProjects(int[] fields) {
    int[] columns = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = tableColumn(fields[i]);
    }
    return new CesiumTableScan(getCluster(), traitSet, table, cesiumTable, keyScan, columns, limit);
  }

  public CesiumTableScan withLimit(int rows) {
    return new CesiumTableScan(getCluster(), traitSet, table, cesiumTable, keyScan, projects, rows);
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return new CesiumTableScan(getCluster(), traits, table, cesiumTable, keyScan, projects, limit);
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = table.getRowType();
    if (projects == null) {
      return full;
    }
    List<RelDataTypeField> fields = full.getFieldList();
    var b = getCluster().getTypeFactory().builder();
    for (int p : projects) {
      b.add(fields.get(p));
    }
    return b.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("keys", keyScan.describe(keyNames()))
        .itemIf("project", getRowType().getFieldNames(), projects != null)
        .itemIf("limit", limit, limit > 0);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows;
    if (keyScan.isPointLookup(keyNames().size())) {
      rows = keyScan.intervals().size();
    } else if (keyScan.isFull()) {
      rows = table.getRowCount();
    } else {
      rows = Math.max(1, table.getRowCount() / 10) * keyScan.intervals().size();
    }
    return limit > 0 ? Math.min(limit, rows) : rows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = projects == null ? table.getRowType().getFieldCount() : projects.length;
    return planner.getCostFactory().makeCost(rows, rows * width / 100.0, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    TableDef def = cesiumTable.tableDef();
    ScanOperator op =
        new ScanOperator(def.getTableId(), TableRowCodec.of(def), keyScan, projects, limit);
    Expression stashed = implementor.stash(op, ScanOperator.class);
    // ARRAY rows, or SCALAR values when one column (the format Calcite's operators expect).
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    return implementor.result(
        physType,
        Blocks.toBlock(Expressions.call(stashed, "execute", implementor.getRootExpression())));
  }

  private List<String> keyNames() {
    return cesiumTable.tableDef().getPrimaryKeyList();
  }
}
