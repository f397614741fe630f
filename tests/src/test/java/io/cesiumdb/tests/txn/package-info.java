/**
 * Transaction suites over a real in-process cluster: the named anomalies of issue 5, each built
 * from a deliberate interleaving of two transactions, checked to be prevented.
 */
package io.cesiumdb.tests.txn;
