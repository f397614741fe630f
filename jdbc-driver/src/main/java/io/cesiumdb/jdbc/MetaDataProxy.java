package io.cesiumdb.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;

/**
 * Wraps Avatica's {@code DatabaseMetaData} so that its calls to the server (getTables, getColumns,
 * the database properties …) fail with {@code SQLException}s carrying the SQLSTATE, as tools such
 * as DBeaver expect, instead of Avatica's unchecked exceptions. A dynamic proxy because the
 * interface has some 180 methods and every one is treated alike.
 */
final class MetaDataProxy implements InvocationHandler {
  private final AvaticaSpecificDatabaseMetaData delegate;

  private MetaDataProxy(AvaticaSpecificDatabaseMetaData delegate) {
    this.delegate = delegate;
  }

  static AvaticaSpecificDatabaseMetaData wrap(AvaticaSpecificDatabaseMetaData delegate) {
    return (AvaticaSpecificDatabaseMetaData)
        Proxy.newProxyInstance(
            MetaDataProxy.class.getClassLoader(),
            new Class<?>[] {AvaticaSpecificDatabaseMetaData.class},
            new MetaDataProxy(delegate));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException unchecked && throwsSqlException(method)) {
        throw SqlErrors.toSqlException("DatabaseMetaData." + method.getName(), unchecked);
      }
      throw cause;
    }
  }

  private static boolean throwsSqlException(Method method) {
    return Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
  }
}
