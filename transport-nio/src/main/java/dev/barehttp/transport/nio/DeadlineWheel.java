package dev.barehttp.transport.nio;

import java.util.function.Consumer;

/**
 * The deadlines of one selector thread's connections: a hashed timer wheel whose slots are
 * intrusive lists threaded through the connections themselves, so arming, re-arming and disarming
 * are O(1) and allocate nothing. A deadline fires at most one tick late.
 *
 * <p>A slot holds every connection whose deadline falls in that tick of any round; a connection
 * due in a later round is simply passed over when its slot comes by. Used by its selector thread
 * only.
 */
final class DeadlineWheel {
    static final long TICK_MILLIS = 20;
    private static final int SLOTS = 512;

    private final NioConnection[] heads = new NioConnection[SLOTS];
    private int armed;
    private long lastTick;

    DeadlineWheel(long now) {
        this.lastTick = now / TICK_MILLIS;
    }

    /** Arms (or re-arms) {@code c} for {@code deadline}; {@link Long#MAX_VALUE} disarms it. */
    void schedule(NioConnection c, long deadline) {
        if (c.deadline == deadline) {
            return;
        }
        cancel(c);
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        // A deadline already behind the wheel goes in the slot the next expire sweeps first; filed by
        // its own tick it would wait a whole turn of the wheel.
        long due = Math.max(deadline, lastTick * TICK_MILLIS);
        int slot = (int) ((due / TICK_MILLIS) & (SLOTS - 1));
        c.deadline = due;
        c.wheelNext = heads[slot];
        c.wheelPrev = null;
        if (heads[slot] != null) {
            heads[slot].wheelPrev = c;
        }
        heads[slot] = c;
        armed++;
    }

    /** Disarms {@code c} if it is armed. */
    void cancel(NioConnection c) {
        if (c.deadline == Long.MAX_VALUE) {
            return;
        }
        if (c.wheelPrev != null) {
            c.wheelPrev.wheelNext = c.wheelNext;
        } else {
            heads[(int) ((c.deadline / TICK_MILLIS) & (SLOTS - 1))] = c.wheelNext;
        }
        if (c.wheelNext != null) {
            c.wheelNext.wheelPrev = c.wheelPrev;
        }
        c.wheelNext = null;
        c.wheelPrev = null;
        c.deadline = Long.MAX_VALUE;
        armed--;
    }

    /** How long the selector may sleep before the next tick: 0 (for ever) when nothing is armed. */
    long millisToNextTick(long now) {
        return armed == 0 ? 0 : TICK_MILLIS - now % TICK_MILLIS;
    }

    /**
     * Disarms every connection whose deadline is at or before {@code now} and hands it to
     * {@code due}, which may arm it again.
     */
    void expire(long now, Consumer<NioConnection> due) {
        long tick = now / TICK_MILLIS;
        long from = Math.max(lastTick, tick - SLOTS + 1);
        lastTick = tick;
        for (long t = from; t <= tick && armed > 0; t++) {
            NioConnection c = heads[(int) (t & (SLOTS - 1))];
            while (c != null) {
                NioConnection next = c.wheelNext;
                if (c.deadline <= now) {
                    cancel(c);
                    due.accept(c);
                }
                c = next;
            }
        }
    }
}
