package dev.barehttp.transport.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer wheel fires each deadline once, no earlier than due and at most a tick late, in any round. */
class DeadlineWheelTest {
    private final List<NioConnection> fired = new ArrayList<>();

    private static NioConnection connection() {
        return new NioConnection(null, null, null);
    }

    @Test
    void aDeadlineFiresNotBeforeItIsDueAndAtMostOneTickLate() {
        DeadlineWheel wheel = new DeadlineWheel(1_000);
        NioConnection c = connection();
        wheel.schedule(c, 1_500);
        for (long now = 1_000; now < 1_500; now += 7) {
            wheel.expire(now, fired::add);
        }
        assertTrue(fired.isEmpty());
        wheel.expire(1_500 + DeadlineWheel.TICK_MILLIS, fired::add);
        assertEquals(List.of(c), fired);
        wheel.expire(5_000, fired::add);
        assertEquals(1, fired.size(), "fires once");
    }

    /** A deadline already past when armed fires at the next sweep, not a whole turn of the wheel later. */
    @Test
    void aDeadlineAlreadyPastFiresAtTheNextSweep() {
        DeadlineWheel wheel = new DeadlineWheel(0);
        wheel.expire(10_000, fired::add);
        NioConnection late = connection();
        wheel.schedule(late, 9_000);
        wheel.expire(10_000 + DeadlineWheel.TICK_MILLIS, fired::add);
        assertEquals(List.of(late), fired);
    }

    @Test
    void aDeadlineSeveralRoundsAwayIsPassedOverUntilItsRound() {
        DeadlineWheel wheel = new DeadlineWheel(0);
        NioConnection far = connection();
        long due = 512 * DeadlineWheel.TICK_MILLIS * 3 + 5;
        wheel.schedule(far, due);
        for (long now = 0; now < due; now += DeadlineWheel.TICK_MILLIS) {
            wheel.expire(now, fired::add);
        }
        assertTrue(fired.isEmpty());
        wheel.expire(due, fired::add);
        assertEquals(List.of(far), fired);
    }

    @Test
    void aRearmedOrCancelledDeadlineDoesNotFireAtItsOldTime() {
        DeadlineWheel wheel = new DeadlineWheel(0);
        NioConnection moved = connection();
        NioConnection cancelled = connection();
        NioConnection kept = connection();
        wheel.schedule(moved, 100);
        wheel.schedule(cancelled, 100);
        wheel.schedule(kept, 100);
        wheel.schedule(moved, 10_000);
        wheel.cancel(cancelled);
        wheel.expire(200, fired::add);
        assertEquals(List.of(kept), fired);
        wheel.expire(10_000, fired::add);
        assertEquals(List.of(kept, moved), fired);
        assertEquals(0, wheel.millisToNextTick(10_001), "nothing armed: the selector may sleep");
    }

    @Test
    void aLoopThatFellBehindStillFiresEveryDueDeadline() {
        DeadlineWheel wheel = new DeadlineWheel(0);
        List<NioConnection> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            NioConnection c = connection();
            all.add(c);
            wheel.schedule(c, 10 + i * 37L);
        }
        wheel.expire(1_000_000, fired::add);
        assertEquals(all.size(), fired.size());
    }
}
