package io.cesiumdb.sql.plan.rules;

import io.cesiumdb.sql.plan.CesiumTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * {@code Project(CesiumTableScan)} → the scan outputs only the columns the projection uses, in the
 * projection's order when it only picks columns (then the projection disappears), otherwise with
 * the projection kept on top. Rows are still read whole (a row is one KV value); this narrows what
 * flows through the plan and lets a Sort above see key columns directly. Keeps at least one column.
 */
public final class ProjectIntoScanRule extends RelRule<RuleConfig> {
  public static final ProjectIntoScanRule INSTANCE =
      new ProjectIntoScanRule(
          RuleConfig.of(
              "CesiumProjectIntoScanRule",
              b0 ->
                  b0.operand(LogicalProject.class)
                      .oneInput(b1 -> b1.operand(CesiumTableScan.class).noInputs()),
              ProjectIntoScanRule::new));

  private ProjectIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    CesiumTableScan scan = call.rel(1);
    List<RexNode> exprs = project.getProjects();
    if (isIdentity(exprs, scan)) {
      return;
    }
    int[] fields =
        allRefs(exprs) ? refs(exprs) : usedFields(exprs, scan.getRowType().getFieldCount());
    if (fields == null) {
      return;
    }
    CesiumTableScan narrowed = scan.withProjects(fields);
    List<RexNode> remapped = new ArrayList<>();
    for (RexNode e : exprs) {
      remapped.add(allRefs(exprs) ? identityRef(remapped.size(), e) : e.accept(remap(fields)));
    }
    boolean same =
        isIdentity(remapped, narrowed)
            && project.getRowType().getFieldNames().equals(narrowed.getRowType().getFieldNames());
    call.transformTo(
        same
            ? narrowed
            : project.copy(project.getTraitSet(), narrowed, remapped, project.getRowType()));
  }

  /** The scan fields a computing projection uses, or null when it uses them all. */
  private static int[] usedFields(List<RexNode> exprs, int scanFields) {
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(exprs, null);
    if (used.cardinality() == scanFields) {
      return null;
    }
    return used.isEmpty() ? new int[] {0} : used.toArray();
  }

  private static boolean allRefs(List<RexNode> exprs) {
    return exprs.stream().allMatch(e -> e instanceof RexInputRef);
  }

  private static int[] refs(List<RexNode> exprs) {
    return exprs.stream().mapToInt(e -> ((RexInputRef) e).getIndex()).toArray();
  }

  private static RexNode identityRef(int index, RexNode e) {
    return new RexInputRef(index, e.getType());
  }

  private static RexShuttle remap(int[] fields) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(used(fields, ref.getIndex()), ref.getType());
      }
    };
  }

  private static int used(int[] fields, int field) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == field) {
        return i;
      }
    }
    throw new IllegalStateException("field " + field + " not kept");
  }

  private static boolean isIdentity(List<RexNode> exprs, RelNode input) {
    if (exprs.size() != input.getRowType().getFieldCount()) {
      return false;
    }
    for (int i = 0; i < exprs.size(); i++) {
      if (!(exprs.get(i) instanceof RexInputRef ref) || ref.getIndex() != i) {
        return false;
      }
    }
    return true;
  }
}
