package dev.tessel;

import dev.tessel.reference.SimulatedDevice;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One random op of {@link OwnershipStressTest}: how it runs on shared arrays under leases, and
 * how it replays on plain Java arrays. To stress a real ufunc, add a kind whose {@code run}
 * calls it (it enters {@link Ownership#enterOp} itself, so take the ticket in a lease-aware
 * wrapper as {@link #underOp} does) and whose {@code replay} computes the same in Java.
 */
record StressOp(Kind kind, int dst, int src, int lo, int hi, int srcLo, double value) {
    enum Kind { FILL, SCALE_COLUMN, ASSIGN, SCALE_UNDER_LEASE, READ_UNDER_LEASE, READ_UNDER_OP, SET_ELEMENT, DEVICE_ADD, NO_EFFECT }

    /** Arrays are also seen as matrices of this many columns; SCALE_COLUMN rewrites one column (a periodic footprint). */
    static final int COLUMNS = 16;

    /** The shared state of one run. */
    record Context(NdArray[] arrays, SimulatedDevice device, AtomicLong tickets, Queue<Done> done) {
    }

    /** A successful op with its ticket and, for reads, the values it saw. */
    record Done(long ticket, StressOp op, double[] observed) {
    }

    static StressOp random(SplittableRandom rnd, int thread, int arrays, int length) {
        Kind kind = Kind.values()[rnd.nextInt(Kind.NO_EFFECT.ordinal())];
        int stripe = length / OwnershipStressTest.THREADS;
        boolean own = rnd.nextBoolean(); // half the writes stay in the thread's own stripe: never conflict
        int lo = own ? thread * stripe + rnd.nextInt(stripe / 2) : rnd.nextInt(length - 1);
        int hi = own ? lo + 1 + rnd.nextInt(stripe / 2) : lo + 1 + rnd.nextInt(Math.min(48, length - lo));
        int srcLo = rnd.nextInt(length - (hi - lo) + 1);
        return new StressOp(kind, rnd.nextInt(arrays), rnd.nextInt(arrays), lo, hi, srcLo, rnd.nextInt(-8, 9) * 0.25);
    }

    void run(Context c) {
        NdArray view = OwnershipTest.slice(c.arrays[dst], lo, hi);
        switch (kind) {
            case FILL -> underOp(c, "fill", new NdArray[0], view, () -> Assign.fill(view, value));
            case SCALE_COLUMN -> {
                NdArray a = c.arrays[dst];
                NdArray column = a.view(new long[] {a.size() / COLUMNS}, new long[] {COLUMNS}, lo % COLUMNS);
                try (WriteLease w = column.write()) {
                    long t = c.tickets.getAndIncrement();
                    for (int i = 0; i < column.size(); i++) {
                        w.set(w.getDouble(i) * 0.5 + value, i);
                        Thread.yield(); // a lost update shows if another thread wrote the same column meanwhile
                    }
                    c.done.add(new Done(t, this, null));
                }
            }
            case ASSIGN -> {
                NdArray from = OwnershipTest.slice(c.arrays[src], srcLo, srcLo + hi - lo);
                underOp(c, "assign", new NdArray[] {from}, view, () -> Assign.copy(from, view));
            }
            case SET_ELEMENT -> underOp(c, "set", new NdArray[0], OwnershipTest.slice(c.arrays[dst], lo, lo + 1),
                    () -> c.arrays[dst].dtype.setDouble(c.arrays[dst].segment(), lo, value));
            case SCALE_UNDER_LEASE -> {
                try (WriteLease w = view.write()) {
                    long t = c.tickets.getAndIncrement();
                    for (int i = 0; i < hi - lo; i++) {
                        w.set(w.getDouble(i) * 0.5 + value, i);
                        Thread.yield(); // hold the lease a while, so that others run into it
                    }
                    c.done.add(new Done(t, this, null));
                }
            }
            case READ_UNDER_LEASE -> {
                try (ReadLease r = view.read()) {
                    c.done.add(new Done(c.tickets.getAndIncrement(), this, r.toDoubleArray()));
                }
            }
            case READ_UNDER_OP -> {
                double[] seen = new double[hi - lo];
                try (OpLeases _ = Ownership.enterOp("read", new NdArray[] {view}, null)) {
                    long t = c.tickets.getAndIncrement();
                    Assign.copy(view, Nd.wrap(seen, hi - lo));
                    c.done.add(new Done(t, this, seen));
                }
            }
            case DEVICE_ADD -> lendAndAdd(c);
            case NO_EFFECT -> throw new IllegalStateException("not a runnable kind");
        }
    }

    private void underOp(Context c, String op, NdArray[] reads, NdArray write, Runnable body) {
        try (OpLeases _ = Ownership.enterOp(op, reads, new NdArray[] {write})) {
            long t = c.tickets.getAndIncrement();
            body.run();
            c.done.add(new Done(t, this, null));
        }
    }

    /** Lends a whole array, adds {@code value} on the device, and sometimes leaves it there for a host access to recall. */
    private void lendAndAdd(Context c) {
        DeviceLoan loan = c.arrays[dst].to(c.device);
        long t = c.tickets.getAndIncrement(); // the loan is exclusive: nobody else runs until it ends
        try {
            loan.submit(mem -> {
                MemorySegment seg = ((SimulatedDevice.Memory) mem).segment();
                for (long i = 0; i < seg.byteSize() / 8; i++) {
                    seg.setAtIndex(ValueLayout.JAVA_DOUBLE, i, seg.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + value);
                }
            });
        } catch (OwnershipException recalledFirst) {
            c.done.add(new Done(t, new StressOp(Kind.NO_EFFECT, dst, src, lo, hi, srcLo, value), null));
            throw recalledFirst;
        }
        c.done.add(new Done(t, this, null));
        if (lo % 2 == 0) {
            loan.toHost();
        }
    }

    /** Applies the op to {@code model}; returns what a read should have seen, else null. */
    double[] replay(double[][] model) {
        double[] d = model[dst];
        switch (kind) {
            case FILL -> java.util.Arrays.fill(d, lo, hi, value);
            case SCALE_COLUMN -> {
                for (int i = lo % COLUMNS; i < d.length; i += COLUMNS) {
                    d[i] = d[i] * 0.5 + value;
                }
            }
            case ASSIGN -> System.arraycopy(model[src].clone(), srcLo, d, lo, hi - lo);
            case SET_ELEMENT -> d[lo] = value;
            case SCALE_UNDER_LEASE -> {
                for (int i = lo; i < hi; i++) {
                    d[i] = d[i] * 0.5 + value;
                }
            }
            case READ_UNDER_LEASE, READ_UNDER_OP -> {
                return java.util.Arrays.copyOfRange(d, lo, hi);
            }
            case DEVICE_ADD -> {
                for (int i = 0; i < d.length; i++) {
                    d[i] += value;
                }
            }
            case NO_EFFECT -> {
            }
        }
        return null;
    }
}
