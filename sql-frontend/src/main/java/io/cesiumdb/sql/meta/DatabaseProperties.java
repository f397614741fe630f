package io.cesiumdb.sql.meta;

import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import org.apache.calcite.avatica.Meta.DatabaseProperty;

/**
 * What the driver asks with {@code DatabasePropertyRequest} ({@code getSQLKeywords}, the function
 * lists, {@code getDefaultTransactionIsolation} …). Product name and versions are reported by the
 * driver itself; they are filled in here for clients that read them from the server.
 */
final class DatabaseProperties {
  static final String PRODUCT_NAME = "CesiumDB";
  static final int MAJOR_VERSION = 0;
  static final int MINOR_VERSION = 1;

  /** Our keywords that SQL:2003 does not reserve. */
  static final String KEYWORDS = "SPLIT,UPSERT";

  private DatabaseProperties() {}

  static Map<DatabaseProperty, Object> all() {
    Map<DatabaseProperty, Object> map = new EnumMap<>(DatabaseProperty.class);
    for (DatabaseProperty p : DatabaseProperty.values()) {
      map.put(p, p.defaultValue);
    }
    map.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, KEYWORDS);
    map.put(
        DatabaseProperty.GET_NUMERIC_FUNCTIONS,
        "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,"
            + "RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE");
    map.put(
        DatabaseProperty.GET_STRING_FUNCTIONS,
        "ASCII,CHAR,CONCAT,INSERT,LCASE,LEFT,LENGTH,LOCATE,LTRIM,REPEAT,REPLACE,RIGHT,RTRIM,"
            + "SPACE,SUBSTRING,UCASE");
    map.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, "IFNULL");
    map.put(
        DatabaseProperty.GET_TIME_DATE_FUNCTIONS,
        "CURDATE,CURTIME,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,MINUTE,MONTH,NOW,QUARTER,SECOND,"
            + "TIMESTAMPADD,TIMESTAMPDIFF,WEEK,YEAR");
    map.put(
        DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_SERIALIZABLE);
    map.put(DatabaseProperty.GET_DATABASE_PRODUCT_NAME, PRODUCT_NAME);
    map.put(DatabaseProperty.GET_DATABASE_PRODUCT_VERSION, MAJOR_VERSION + "." + MINOR_VERSION);
    map.put(DatabaseProperty.GET_DATABASE_MAJOR_VERSION, MAJOR_VERSION);
    map.put(DatabaseProperty.GET_DATABASE_MINOR_VERSION, MINOR_VERSION);
    return map;
  }
}
