/**
 * The bank workload (Jepsen's bank): accounts with a fixed total, transfers between two distinct
 * accounts in read-write transactions retried on 40001, and readers that read every balance in one
 * read-only transaction. {@link io.cesiumdb.server.workload.bank.BankChecker} flags reads with the
 * wrong number of accounts, the wrong total or a negative balance, and a final read (after the
 * nemesis healed) whose total is not the initial one: an acknowledged transfer lost or half
 * applied. With recorded timestamps, {@link io.cesiumdb.server.workload.bank.SnapshotReplay} checks
 * each read account by account against the transfers committed at or below its snapshot.
 *
 * <p>Neighbours: the runner (above) calls the workload through {@code workload.Workload}; SQL goes
 * through the JDBC driver only. Invariant: a transfer never makes a balance negative, so any
 * negative balance a read sees is an anomaly.
 */
package io.cesiumdb.server.workload.bank;
