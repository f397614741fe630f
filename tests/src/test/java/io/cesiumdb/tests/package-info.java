/**
 * Multi-node integration tests ({@code *IT}, run by failsafe in {@code verify}) and the fixtures
 * they share. Tests wait on conditions with deadlines ({@link io.cesiumdb.tests.Await}), never on
 * sleeps.
 */
package io.cesiumdb.tests;
