package io.cesiumdb.tablet.replication.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderedDeliveryTest {
  @Test
  void eventsArriveInOrderAndNoEarlierThanTheirDelay() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      OrderedDelivery delivery = new OrderedDelivery(scheduler);
      List<Integer> order = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(3);
      long start = System.nanoTime();
      long[] firstAt = new long[1];
      delivery.submit(
          80,
          () -> {
            firstAt[0] = System.nanoTime();
            order.add(1);
            done.countDown();
          });
      delivery.submit(
          0,
          () -> {
            order.add(2); // no delay of its own, but never overtakes event 1
            done.countDown();
          });
      delivery.submit(
          10,
          () -> {
            order.add(3);
            done.countDown();
          });
      assertTrue(done.await(5, TimeUnit.SECONDS));
      assertEquals(List.of(1, 2, 3), order);
      assertTrue(firstAt[0] - start >= TimeUnit.MILLISECONDS.toNanos(80));
    } finally {
      scheduler.shutdownNow();
    }
  }
}
