package io.cesiumdb.sql.plan;

import io.cesiumdb.proto.placement.TableDef;
import io.cesiumdb.sql.catalog.CesiumTable;
import io.cesiumdb.sql.exec.ModifyOperator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Our INSERT / UPSERT / UPDATE / DELETE operator (Calcite's {@code EnumerableTableModify} only does
 * INSERT and an identity-based DELETE). Generated code turns the input rows into {@code Object[]}
 * and hands them to a stashed {@link ModifyOperator}, which writes through the statement's
 * transaction and returns the row count. MERGE is not supported.
 */
public final class CesiumTableModify extends TableModify implements EnumerableRel {
  private final boolean upsert;

  CesiumTableModify(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      Prepare.CatalogReader catalogReader,
      RelNode input,
      Operation operation,
      List<String> updateColumnList,
      List<RexNode> sourceExpressionList,
      boolean flattened,
      boolean upsert) {
    super(
        cluster,
        traits,
        table,
        catalogReader,
        input,
        operation,
        updateColumnList,
        sourceExpressionList,
        flattened);
    this.upsert = upsert;
  }

  /** Builds the physical operator for a logical {@code TableModify} on a Cesium table. */
  public static CesiumTableModify create(
      TableModify logical, RelTraitSet traits, RelNode input, boolean upsert) {
    return new CesiumTableModify(
        logical.getCluster(),
        traits,
        logical.getTable(),
        logical.getCatalogReader(),
        input,
        logical.getOperation(),
        logical.getUpdateColumnList(),
        logical.getSourceExpressionList(),
        logical.isFlattened(),
        upsert && logical.getOperation() == Operation.INSERT);
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return new CesiumTableModify(
        getCluster(),
        traits,
        getTable(),
        getCatalogReader(),
        sole(inputs),
        getOperation(),
        getUpdateColumnList(),
        getSourceExpressionList(),
        isFlattened(),
        upsert);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("upsert", true, upsert);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder b = new BlockBuilder();
    Result in = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression child = b.append("child", in.block);
    ParameterExpression o = Expressions.parameter(in.physType.getJavaRowType(), "o");
    List<Expression> fields = new ArrayList<>();
    for (int i = 0; i < in.physType.getRowType().getFieldCount(); i++) {
      fields.add(Expressions.box(in.physType.fieldReference(o, i)));
    }
    Expression rows =
        b.append(
            "rows",
            Expressions.call(
                child,
                BuiltInMethod.SELECT.method,
                Expressions.lambda(Expressions.newArrayInit(Object.class, fields), o)));
    Expression op = implementor.stash(operator(), ModifyOperator.class);
    b.add(
        Expressions.return_(
            null, Expressions.call(op, "execute", implementor.getRootExpression(), rows)));
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
    return implementor.result(physType, b.toBlock());
  }

  private ModifyOperator operator() {
    TableDef def = getTable().unwrapOrThrow(CesiumTable.class).tableDef();
    ModifyOperator.Kind kind =
        switch (getOperation()) {
          case INSERT -> upsert ? ModifyOperator.Kind.UPSERT : ModifyOperator.Kind.INSERT;
          case UPDATE -> ModifyOperator.Kind.UPDATE;
          case DELETE -> ModifyOperator.Kind.DELETE;
          default -> throw new IllegalStateException("unsupported: " + getOperation());
        };
    List<String> names = def.getColumnsList().stream().map(c -> c.getName()).toList();
    List<String> updated = getUpdateColumnList() == null ? List.of() : getUpdateColumnList();
    int[] updateColumns = updated.stream().mapToInt(names::indexOf).toArray();
    return new ModifyOperator(kind, def, updateColumns);
  }
}
