package io.cesiumdb.jdbc;

import io.cesiumdb.jdbc.transport.ChannelOpener;
import io.cesiumdb.jdbc.transport.FailoverTransport;
import io.cesiumdb.jdbc.transport.GrpcAvaticaService;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's hook for a custom transport ({@code factory} connection property): builds the gRPC
 * service of one {@link CesiumConnection} while Avatica constructs it. Public with a no-arg
 * constructor because Avatica instantiates it by class name.
 */
public final class GrpcServiceFactory implements Service.Factory {
  public GrpcServiceFactory() {}

  @Override
  public Service create(AvaticaConnection connection) {
    if (!(connection instanceof CesiumConnection cesium)) {
      throw new IllegalArgumentException("not a CesiumDB connection: " + connection.getClass());
    }
    Properties properties = cesium.properties();
    CesiumUrl url = CesiumUrl.parse(connection.config().url());
    FailoverTransport transport =
        new FailoverTransport(
            url.nodes(),
            ChannelOpener.plaintext(),
            CesiumProperty.CONNECT_TIMEOUT_MS.getMillis(properties));
    return new GrpcAvaticaService(transport, CesiumProperty.CALL_TIMEOUT_MS.getMillis(properties));
  }
}
