package io.cesiumdb.txn.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cesiumdb.common.error.AbortReason;
import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;
import io.cesiumdb.common.error.RetryHint;
import io.cesiumdb.proto.errors.ErrorDetail;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** ErrorDetail and CesiumException map onto each other without loss, for every hint and code. */
class ErrorDetailsTest {

  static Stream<RetryHint> everyHintType() {
    // One per permitted subtype of the sealed interface; the assertion below keeps it complete.
    return Stream.of(
        new RetryHint.NotLeader("18446744073709551615", "n2", "127.0.0.1:7002"),
        new RetryHint.TabletMoved("7", 3, 4),
        new RetryHint.TxnAborted("txn-42", AbortReason.WOUNDED),
        new RetryHint.ClockFenced("n3", "offset 12 ms > bound 7 ms"));
  }

  @Test
  void everyHintTypeIsCovered() {
    assertEquals(
        RetryHint.class.getPermittedSubclasses().length,
        everyHintType().map(Object::getClass).distinct().count());
  }

  @ParameterizedTest
  @MethodSource("everyHintType")
  void hintsRoundTripExceptionToDetailToException(RetryHint hint) {
    CesiumException original = new CesiumException(ErrorCode.TXN_ABORTED, "because", hint, null);

    ErrorDetail wire = ErrorDetails.toDetail(original);
    CesiumException back = ErrorDetails.toException(wire);

    assertEquals(ErrorCode.TXN_ABORTED.id(), wire.getCode());
    assertEquals("because", wire.getMessage());
    assertEquals(original.code(), back.code());
    assertEquals(original.getMessage(), back.getMessage());
    assertEquals(Optional.of(hint), back.hint());
  }

  @ParameterizedTest
  @MethodSource("everyHintType")
  void hintsRoundTripDetailToExceptionToDetail(RetryHint hint) {
    ErrorDetail wire = ErrorDetails.toDetail(ErrorCode.NOT_LEADER, "m", hint);

    assertEquals(wire, ErrorDetails.toDetail(ErrorDetails.toException(wire)));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyRegisteredCodeRoundTrips(ErrorCode code) {
    ErrorDetail wire = ErrorDetails.toDetail(code, "x", null);

    CesiumException e = ErrorDetails.toException(wire);

    assertEquals(code, e.code());
    assertEquals(Optional.empty(), e.hint());
    assertEquals(wire, ErrorDetails.toDetail(e));
  }

  @Test
  void anUnknownCodeBecomesInternalAndKeepsTheId() {
    ErrorDetail fromTheFuture = ErrorDetail.newBuilder().setCode("NEW-9").setMessage("m").build();

    CesiumException e = ErrorDetails.toException(fromTheFuture);

    assertEquals(ErrorCode.INTERNAL, e.code());
    assertTrue(e.getMessage().contains("NEW-9"), e.getMessage());
  }

  @Test
  void anEmptyMessageFallsBackToTheCodesDescription() {
    ErrorDetail bare = ErrorDetail.newBuilder().setCode(ErrorCode.UNIQUE_VIOLATION.id()).build();

    assertEquals(
        "[SQL-3] " + ErrorCode.UNIQUE_VIOLATION.description(),
        ErrorDetails.toException(bare).getMessage());
  }

  @Test
  void onlyADetailWithACodeIsAnError() {
    assertFalse(ErrorDetails.isError(null));
    assertFalse(ErrorDetails.isError(ErrorDetail.getDefaultInstance()));
    assertTrue(ErrorDetails.isError(ErrorDetail.newBuilder().setCode("CMN-3").build()));
    assertTrue(Arrays.stream(ErrorCode.values()).allMatch(c -> !c.id().isEmpty()));
  }

  @Test
  void tabletMovedCarriesTheCurrentDescriptorBothWays() {
    io.cesiumdb.proto.tablet.TabletDescriptor current =
        io.cesiumdb.proto.tablet.TabletDescriptor.newBuilder()
            .setTabletId(7)
            .setKeyspace(3)
            .setEndKey(com.google.protobuf.ByteString.copyFromUtf8("m"))
            .setEpoch(4)
            .build();
    ErrorDetail wire =
        ErrorDetails.toDetail(
            ErrorCode.TABLET_MOVED,
            "moved",
            new RetryHint.TabletMoved("7", 3, 4, current.toByteArray()));

    assertEquals(current, wire.getTabletMoved().getCurrent());
    assertEquals(
        Optional.of(current), ErrorDetails.currentDescriptor(ErrorDetails.toException(wire)));
    assertEquals(
        Optional.empty(),
        ErrorDetails.currentDescriptor(
            ErrorDetails.toException(
                ErrorDetails.toDetail(
                    ErrorCode.TABLET_MOVED, "moved", new RetryHint.TabletMoved("7", 3, 4)))));
  }
}
