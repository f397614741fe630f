/**
 * Credentials of the user catalog: {@link io.cesiumdb.pd.auth.PasswordHasher} turns a password into
 * a stored {@code UserEntry} (PBKDF2WithHmacSHA256, random salt per user, iteration count stored)
 * and checks a password against one in constant time.
 *
 * <p>Neighbours: the PD leader's {@code service} handlers hash before proposing CreateUser and
 * verify for Authenticate; {@code pd.meta} only stores the entries (it never hashes or draws
 * randomness, so replicas stay deterministic). Invariants: no password is stored, logged or put in
 * the Raft log; an unknown user costs as much as a wrong password.
 */
package io.cesiumdb.pd.auth;
