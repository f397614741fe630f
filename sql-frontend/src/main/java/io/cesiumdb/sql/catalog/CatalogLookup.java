package io.cesiumdb.sql.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * Calcite's name lookup (tables of a schema, schemas of the root) answered by the {@link Catalog}
 * one name at a time. An exact lookup goes to the catalog's point query ({@link Catalog#table},
 * {@link Catalog#hasSchema}), which refreshes a cached catalog on a miss: a table created through
 * another node a moment ago resolves on the next statement here instead of after the listing's
 * cache expires. Only case-insensitive lookups and name listings use the listing.
 *
 * <p>Rejected: {@code AbstractSchema.getTableMap()} (what this replaces): Calcite resolves every
 * name through the whole map, so a stale listing hid new tables for one catalog TTL, and each
 * lookup built a table object for every table of the schema.
 */
final class CatalogLookup<T> implements Lookup<T> {
  private final Function<String, Optional<T>> exact;
  private final Function<String, T> wrap;
  private final Supplier<List<String>> names;

  /**
   * @param exact the catalog's point lookup of one exact name
   * @param wrap builds the entity for a listed name (used by case-insensitive lookups)
   * @param names the catalog's current listing
   */
  CatalogLookup(
      Function<String, Optional<T>> exact, Function<String, T> wrap, Supplier<List<String>> names) {
    this.exact = exact;
    this.wrap = wrap;
    this.names = names;
  }

  @Override
  public T get(String name) {
    return exact.apply(name).orElse(null);
  }

  @Override
  public Named<T> getIgnoreCase(String name) {
    T hit = get(name);
    if (hit != null) {
      return new Named<>(name, hit);
    }
    for (String listed : names.get()) {
      T found = listed.equalsIgnoreCase(name) ? wrap.apply(listed) : null;
      if (found != null) {
        return new Named<>(listed, found); // null: dropped since it was listed
      }
    }
    return null;
  }

  @Override
  public Set<String> getNames(LikePattern pattern) {
    Set<String> out = new LinkedHashSet<>();
    for (String listed : names.get()) {
      if (pattern.matcher().apply(listed)) {
        out.add(listed);
      }
    }
    return out;
  }
}
