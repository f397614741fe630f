package io.cesiumdb.sql.wire;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.calcite.avatica.remote.Service;

/**
 * A fake Avatica {@code Service} that records the requests it gets and answers each with an empty
 * response of the right type, or throws {@link #failure} when set.
 */
final class RecordingService {
  final List<Service.Request> requests = new CopyOnWriteArrayList<>();
  volatile RuntimeException failure;

  Service asService() {
    return (Service)
        Proxy.newProxyInstance(
            Service.class.getClassLoader(),
            new Class<?>[] {Service.class},
            (proxy, method, args) -> {
              if (method.getName().equals("setRpcMetadata")) {
                return null;
              }
              requests.add((Service.Request) args[0]);
              if (failure != null) {
                throw failure;
              }
              return answer(method.getReturnType());
            });
  }

  <T extends Service.Request> List<T> requestsOf(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Object answer(Class<?> type) throws ReflectiveOperationException {
    if (type == Service.ConnectionSyncResponse.class) {
      return new Service.ConnectionSyncResponse(
          new org.apache.calcite.avatica.ConnectionPropertiesImpl(), null);
    }
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }
}
