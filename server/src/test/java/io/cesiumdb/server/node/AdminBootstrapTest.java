package io.cesiumdb.server.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

  @Test
  void generatedPasswordsAreLongUnambiguousAndDiffer() {
    SecureRandom random = new SecureRandom();
    String a = AdminBootstrap.generatePassword(random);
    String b = AdminBootstrap.generatePassword(random);

    assertEquals(20, a.length());
    assertTrue(a.matches("[A-HJ-NP-Za-km-z2-9]{20}"), a);
    assertNotEquals(a, b);
  }

  @Test
  void describePrintsThePasswordOnlyWhenThisProcessCreatedTheUser() {
    assertEquals("user cesium, password pw", new AdminCredentials("cesium", "pw", true).describe());
    String existing = new AdminCredentials("cesium", "pw", false).describe();
    assertTrue(existing.startsWith("user cesium: the cluster already had users"), existing);
    assertTrue(!existing.contains("pw"), existing);
  }
}
