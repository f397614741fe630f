package io.cesiumdb.jdbc;

import java.util.Properties;

/**
 * The connection properties the driver understands, as URL query parameters or {@code connect}
 * properties. Any other property is forwarded to the server with the connection request.
 */
public enum CesiumProperty {
  USER("user", null, "User name; the server refuses unknown users with SQLSTATE 28P01."),
  PASSWORD("password", null, "The user's password."),
  SCHEMA("schema", null, "Default schema; the URL path sets it too."),
  CONNECT_TIMEOUT_MS(
      "connectTimeoutMs",
      "5000",
      "Milliseconds each listed node gets to answer the connection request before the next is"
          + " tried; 0 = no limit."),
  CALL_TIMEOUT_MS(
      "callTimeoutMs",
      "0",
      "Deadline in milliseconds of every request once connected (SQLSTATE 57014 when it"
          + " passes); 0 = no limit.");

  private final String key;
  private final String defaultValue;
  private final String description;

  CesiumProperty(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The property's name in the URL and in {@code Properties}. */
  public String key() {
    return key;
  }

  /** The default, or null when the property has none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The value in {@code properties}, or the default. */
  public String get(Properties properties) {
    return properties.getProperty(key, defaultValue);
  }

  /** The value as a non-negative number of milliseconds. */
  public long getMillis(Properties properties) {
    String value = get(properties);
    try {
      long millis = Long.parseLong(value.trim());
      if (millis < 0) {
        throw new IllegalArgumentException(key + " must not be negative: " + value);
      }
      return millis;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + value, e);
    }
  }

  /** True when {@code key} names one of these properties. */
  public static boolean isKnown(String key) {
    for (CesiumProperty p : values()) {
      if (p.key.equals(key)) {
        return true;
      }
    }
    return false;
  }
}
