package io.cesiumdb.sql.exec;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Everything one execution of a compiled plan reads at run time, as Calcite's {@link DataContext}
 * (the {@code root} of generated code): the plan's stashed operators ({@code v0stashed}…), the
 * statement's parameters ({@code ?0}, {@code ?1}…, already engine values), the transaction ({@link
 * #TXN}), and the statement time (CURRENT_TIMESTAMP etc., one value per statement, UTC). Built per
 * execution; the compiled plan itself holds no per-execution state.
 */
public final class ExecContext implements DataContext {
  /** Name under which the {@link KvTxn} is found. */
  public static final String TXN = "cesiumTxn";

  private final JavaTypeFactory typeFactory;
  private final Map<String, Object> values = new HashMap<>();

  /**
   * @param stashed the plan's stashed values (from compilation)
   * @param params parameter values, engine representation, in {@code ?} order
   * @param statementMillis the statement's timestamp: millis since the epoch, UTC
   */
  public ExecContext(
      JavaTypeFactory typeFactory,
      Map<String, Object> stashed,
      List<Object> params,
      KvTxn txn,
      long statementMillis) {
    this.typeFactory = typeFactory;
    values.putAll(stashed);
    for (int i = 0; i < params.size(); i++) {
      values.put(paramName(i), params.get(i));
    }
    values.put(TXN, txn);
    values.put(Variable.UTC_TIMESTAMP.camelName, statementMillis);
    values.put(Variable.CURRENT_TIMESTAMP.camelName, statementMillis);
    values.put(Variable.LOCAL_TIMESTAMP.camelName, statementMillis);
    values.put(Variable.SYS_TIMESTAMP.camelName, statementMillis);
    values.put(Variable.TIME_ZONE.camelName, TimeZone.getTimeZone("UTC"));
    values.put(Variable.CANCEL_FLAG.camelName, new AtomicBoolean());
  }

  /** The key of parameter {@code index} (0-based): Calcite's own {@code ?n} convention. */
  public static String paramName(int index) {
    return "?" + index;
  }

  /** The transaction of the execution {@code ctx} belongs to. */
  public static KvTxn txn(DataContext ctx) {
    Object t = ctx.get(TXN);
    if (!(t instanceof KvTxn txn)) {
      throw new CesiumException(ErrorCode.INTERNAL, "no transaction in the execution context");
    }
    return txn;
  }

  @Override
  public SchemaPlus getRootSchema() {
    return null;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    return values.get(name);
  }
}
