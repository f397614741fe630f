/**
 * Generated at build time: {@code CesiumSqlParserImpl} and its JavaCC support classes (sources
 * under {@code target/generated-sources/javacc}). Never edit; change {@code src/main/codegen}
 * instead. Used only through {@link io.cesiumdb.sql.parser.CesiumParser}.
 */
package io.cesiumdb.sql.parser.impl;
