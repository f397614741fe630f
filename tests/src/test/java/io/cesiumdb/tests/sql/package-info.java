/**
 * SQL over a real in-process cluster: per node the production stack ({@code PdCatalog}, {@code
 * PdDdlExecutor}, {@code CoordinatorKvStore} over {@code Transactions} and a {@code KeyRouter}),
 * driven through {@code SqlSession}s on different nodes; and sql-frontend's {@code KvStore}
 * contract run against the coordinator adapter.
 */
package io.cesiumdb.tests.sql;
