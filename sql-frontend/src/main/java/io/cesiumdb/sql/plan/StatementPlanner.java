package io.cesiumdb.sql.plan;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.sql.catalog.Catalog;
import io.cesiumdb.sql.catalog.CatalogSchemas;
import io.cesiumdb.sql.infoschema.InformationSchema;
import io.cesiumdb.sql.parser.CesiumParser;
import io.cesiumdb.sql.types.CesiumTypeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.util.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query and DML statements to {@link CompiledPlan}s: validate against the catalog, convert to
 * relational algebra, rewrite and push down ({@link PlannerRules}), pick physical operators
 * (Volcano, enumerable convention), and compile the plan's Java code once. Each call builds its own
 * validator and planners (Calcite's are single-use), so one instance serves every session
 * concurrently. Planning is the expensive step (tens of milliseconds); callers cache plans.
 */
public final class StatementPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(StatementPlanner.class);

  private final Catalog catalog;
  private final CalciteConnectionConfigImpl connectionConfig;
  private final AtomicLong plansBuilt = new AtomicLong();

  public StatementPlanner(Catalog catalog) {
    this.catalog = catalog;
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    this.connectionConfig = new CalciteConnectionConfigImpl(p);
  }

  /** How many plans this planner has built: tests use it to prove the plan cache works. */
  public long plansBuilt() {
    return plansBuilt.get();
  }

  /** True for the statements {@link #plan} accepts: queries, DML and EXPLAIN PLAN FOR. */
  public static boolean isPlannable(SqlNode node) {
    return SqlKind.QUERY.contains(node.getKind())
        || SqlKind.DML.contains(node.getKind())
        || node.getKind() == SqlKind.EXPLAIN;
  }

  /** Plans {@code node} (not yet validated) with bare names resolved in {@code defaultSchema}. */
  public CompiledPlan plan(SqlNode node, String defaultSchema) {
    plansBuilt.incrementAndGet();
    long start = System.nanoTime();
    try {
      CompiledPlan plan = planUnchecked(node, defaultSchema);
      LOG.debug("planned {} in {} µs", node.getKind(), (System.nanoTime() - start) / 1000);
      return plan;
    } catch (RuntimeException | AssertionError e) {
      throw PlanErrors.planning(e);
    }
  }

  private CompiledPlan planUnchecked(SqlNode node, String defaultSchema) {
    boolean explain = node instanceof SqlExplain;
    SqlNode statement = explain ? ((SqlExplain) node).getExplicandum() : node;
    checkSupported(statement);
    // A type factory per plan: JavaTypeFactoryImpl's synthetic record types are not thread-safe.
    JavaTypeFactory typeFactory = new CesiumTypeFactory();
    CalciteCatalogReader reader = catalogReader(defaultSchema, typeFactory);
    SqlValidator validator = validator(reader, typeFactory);
    SqlNode validated = validator.validate(statement);
    RelDataType params = validator.getParameterRowType(validated);
    RelRoot root = toRel(validator, reader, validated);
    boolean upsert = validated instanceof SqlInsert insert && insert.isUpsert();
    EnumerableRel best = optimize(root, reader, upsert);
    LiteralRangeCheck.check(best);
    String text = RelOptUtil.toString(best);
    if (explain) {
      return new CompiledPlan(
          CompiledPlan.Kind.EXPLAIN,
          null,
          Map.of(),
          planRowType(typeFactory),
          params,
          text,
          typeFactory,
          List.of());
    }
    Map<String, Object> stashed = new HashMap<>();
    Bindable<?> bindable =
        EnumerableInterpretable.toBindable(stashed, null, best, EnumerableRel.Prefer.ARRAY);
    CompiledPlan.Kind kind =
        SqlKind.DML.contains(validated.getKind()) ? CompiledPlan.Kind.DML : CompiledPlan.Kind.QUERY;
    RelDataType rowType = kind == CompiledPlan.Kind.DML ? best.getRowType() : root.validatedRowType;
    List<List<String>> origins =
        kind == CompiledPlan.Kind.DML ? List.of() : validator.getFieldOrigins(validated);
    return new CompiledPlan(kind, bindable, stashed, rowType, params, text, typeFactory, origins);
  }

  private static void checkSupported(SqlNode statement) {
    if (statement.getKind() == SqlKind.MERGE) {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "MERGE is not supported; use UPSERT INTO");
    }
    if (!isPlannable(statement) || statement.getKind() == SqlKind.EXPLAIN) {
      throw new CesiumException(
          ErrorCode.FEATURE_NOT_SUPPORTED, "cannot plan a " + statement.getKind() + " statement");
    }
  }

  private CalciteCatalogReader catalogReader(String defaultSchema, JavaTypeFactory typeFactory) {
    SchemaPlus root = CatalogSchemas.rootSchema(catalog);
    root.add(InformationSchema.NAME, InformationSchema.calciteSchema(catalog));
    return new CalciteCatalogReader(
        CalciteSchema.from(root), List.of(defaultSchema), typeFactory, connectionConfig);
  }

  private static SqlValidator validator(CalciteCatalogReader reader, JavaTypeFactory typeFactory) {
    return new CesiumValidator(
        SqlStdOperatorTable.instance(),
        reader,
        typeFactory,
        SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withTypeCoercionFactory(StoreAssignmentCoercion::new)
            .withConformance(CesiumParser.CONFIG.conformance()));
  }

  /** Relational algebra on a fresh cluster whose planner is a new Volcano planner. */
  private static RelRoot toRel(
      SqlValidator validator, CalciteCatalogReader reader, SqlNode validated) {
    VolcanoPlanner volcano = new VolcanoPlanner();
    volcano.addRelTraitDef(ConventionTraitDef.INSTANCE);
    volcano.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    volcano.setExecutor(RexUtil.EXECUTOR);
    RelOptCluster cluster =
        RelOptCluster.create(volcano, new RexBuilder(validator.getTypeFactory()));
    SqlToRelConverter converter =
        new SqlToRelConverter(
            null,
            validator,
            reader,
            cluster,
            StandardConvertletTable.INSTANCE,
            SqlToRelConverter.config()
                .withExpand(false)
                .withTrimUnusedFields(false)
                .withInSubQueryThreshold(Integer.MAX_VALUE));
    RelRoot root = converter.convertQuery(validated, false, true);
    // SQL arithmetic fails on overflow (22003); Calcite's generated Java would wrap.
    return root.withRel(new ConvertToChecked(cluster.getRexBuilder(), true).visit(root.rel));
  }

  private EnumerableRel optimize(RelRoot root, CalciteCatalogReader reader, boolean upsert) {
    VolcanoPlanner volcano = (VolcanoPlanner) root.rel.getCluster().getPlanner();
    RelNode rel = hep(PlannerRules.subQueries(), root.rel);
    rel =
        RelDecorrelator.decorrelateQuery(
            rel, RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), reader));
    rel = reorderJoins(hep(PlannerRules.logical(), rel));
    PlannerRules.physical(upsert).forEach(volcano::addRule);
    var desired =
        rel.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation).simplify();
    volcano.setRoot(rel.getTraitSet().equals(desired) ? rel : volcano.changeTraits(rel, desired));
    EnumerableRel best = (EnumerableRel) hep(PlannerRules.calc(), volcano.findBestExp());
    return root.isRefTrivial() ? best : finalProjection(best, root);
  }

  /** Drops and renames fields to the validated result (e.g. ORDER BY on an unselected column). */
  private static EnumerableRel finalProjection(EnumerableRel best, RelRoot root) {
    RexBuilder rex = best.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    for (int field : Pair.left(root.fields)) {
      projects.add(rex.makeInputRef(best, field));
    }
    RexProgram program =
        RexProgram.create(best.getRowType(), projects, null, root.validatedRowType, rex);
    return EnumerableCalc.create(best, program);
  }

  /** {@link PlannerRules#joinOrder()} for many-way joins; the order written if it leaves any. */
  private static RelNode reorderJoins(RelNode rel) {
    if (RelOptUtil.countJoins(rel) < PlannerRules.MIN_JOINS_TO_REORDER) {
      return rel;
    }
    RelNode reordered = hep(PlannerRules.joinOrder(), rel);
    if (containsMultiJoin(reordered)) {
      LOG.debug("join order kept as written: the heuristic left a MultiJoin");
      return rel;
    }
    return reordered;
  }

  private static boolean containsMultiJoin(RelNode rel) {
    if (rel instanceof MultiJoin) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(StatementPlanner::containsMultiJoin);
  }

  private static RelNode hep(HepProgram program, RelNode rel) {
    HepPlanner hep = new HepPlanner(program);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  private static RelDataType planRowType(JavaTypeFactory typeFactory) {
    return typeFactory
        .builder()
        .add("PLAN", typeFactory.createSqlType(SqlTypeName.VARCHAR))
        .build();
  }
}
