package io.cesiumdb.sql.exec;

import com.google.protobuf.ByteString;
import io.cesiumdb.sql.codec.TableRowCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The table scan at run time: evaluates the {@link KeyScan} for this execution's parameters, reads
 * points with {@code get} and ranges with {@code scan} (a point query never scans), decodes rows
 * and keeps the projected columns, stopping at the pushed-down limit. Rows come out in key order.
 *
 * <p>Built once per compiled plan and stashed into its generated code (so it must be public);
 * immutable and thread-safe: everything per execution comes from the {@link DataContext}.
 */
public final class ScanOperator {
  private final long keyspace;
  private final TableRowCodec codec;
  private final KeyScan keyScan;
  private final int[] projects;
  private final int limit;

  /**
   * @param projects table column positions to output, or null for all
   * @param limit most rows to return, 0 for no limit
   */
  public ScanOperator(
      long keyspace, TableRowCodec codec, KeyScan keyScan, int[] projects, int limit) {
    this.keyspace = keyspace;
    this.codec = codec;
    this.keyScan = keyScan;
    this.projects = projects == null ? null : projects.clone();
    this.limit = limit;
  }

  /**
   * Called by generated code: rows as {@code Object[]}, or bare values when the scan outputs one
   * column (Calcite's SCALAR row format).
   */
  public Enumerable<Object> execute(DataContext ctx) {
    List<Object[]> rows = rows(ctx);
    List<Object> out = new ArrayList<>(rows.size());
    boolean scalar = width() == 1;
    for (Object[] r : rows) {
      out.add(scalar ? r[0] : r);
    }
    return Linq4j.asEnumerable(out);
  }

  /** The rows of this execution, in key order. */
  public List<Object[]> rows(DataContext ctx) {
    KvTxn txn = ExecContext.txn(ctx);
    List<Object[]> out = new ArrayList<>();
    for (KeySpans.Span span : KeySpans.resolve(keyScan, codec.keyCodec(), ctx)) {
      if (limit > 0 && out.size() >= limit) {
        break;
      }
      if (span.point()) {
        Optional<ByteString> v = txn.get(keyspace, span.start());
        v.ifPresent(value -> out.add(row(span.start(), value)));
      } else {
        int left = limit == 0 ? 0 : limit - out.size();
        for (KvEntry e : txn.scan(keyspace, span.range(), left)) {
          out.add(row(e.key(), e.value()));
        }
      }
    }
    return out;
  }

  private int width() {
    return projects == null ? codec.table().getColumnsCount() : projects.length;
  }

  private Object[] row(ByteString key, ByteString value) {
    Object[] full = codec.decode(key.toByteArray(), value.toByteArray());
    if (projects == null) {
      return full;
    }
    Object[] out = new Object[projects.length];
    for (int i = 0; i < projects.length; i++) {
      out[i] = full[projects[i]];
    }
    return out;
  }
}
