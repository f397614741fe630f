package io.cesiumdb.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;

/**
 * The driver's {@code DatabaseMetaData}: Avatica's, except for the calls {@link MetaDataAnswers}
 * answers itself (transactions, keys, indexes), and with every call that reaches the server
 * (getTables, getColumns, the database properties …) failing with {@code SQLException}s carrying
 * the SQLSTATE, as tools such as DBeaver expect, instead of Avatica's unchecked exceptions. A
 * dynamic proxy because the interface has some 180 methods and all but a few are treated alike.
 */
final class MetaDataProxy implements InvocationHandler {
  /** {@link MetaDataAnswers}' methods by {@link #signature}. */
  private static final Map<String, Method> ANSWERED = answered();

  private final AvaticaSpecificDatabaseMetaData delegate;
  private final MetaDataAnswers answers;

  private MetaDataProxy(AvaticaSpecificDatabaseMetaData delegate, MetaDataAnswers answers) {
    this.delegate = delegate;
    this.answers = answers;
  }

  static AvaticaSpecificDatabaseMetaData wrap(
      AvaticaSpecificDatabaseMetaData delegate, MetaDataAnswers answers) {
    return (AvaticaSpecificDatabaseMetaData)
        Proxy.newProxyInstance(
            MetaDataProxy.class.getClassLoader(),
            new Class<?>[] {AvaticaSpecificDatabaseMetaData.class},
            new MetaDataProxy(delegate, answers));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Method own = ANSWERED.get(signature(method));
    try {
      return own != null ? own.invoke(answers, args) : method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException unchecked && throwsSqlException(method)) {
        throw SqlErrors.toSqlException("DatabaseMetaData." + method.getName(), unchecked);
      }
      throw cause;
    }
  }

  private static Map<String, Method> answered() {
    Map<String, Method> map = new HashMap<>();
    for (Method m : MetaDataAnswers.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
        map.put(signature(m), m);
      }
    }
    return Map.copyOf(map);
  }

  private static String signature(Method m) {
    return m.getName() + Arrays.toString(m.getParameterTypes());
  }

  private static boolean throwsSqlException(Method method) {
    return Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
  }
}
