package paragent.agent.recording;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import paragent.agent.bootstrap.GpuCommandEvent;
import paragent.agent.bootstrap.GpuSummaryEvent;

/**
 * One OpenCL command queue followed by the agent: its commands waiting to be profiled, each with
 * one OpenCL reference held by the agent (an event the agent created, or its retain of the
 * program's), and its summary counts per (kind, kernel name).
 *
 * <p>Concurrency: OpenCL lets several threads enqueue to one queue, so every method takes this
 * queue's private monitor, which no application code can see; the OpenCL calls made under it
 * (event status, profiling info, release) do not block. Memory: at most {@link #MAX_PENDING}
 * commands pending (beyond, commands are counted but not profiled) and {@link #MAX_CELLS}
 * summary cells (beyond, kernels are summed under {@link #OTHER_KERNELS}).
 */
final class GpuQueue {

    /** Commands kept for profiling at most, per queue; each holds one OpenCL event. */
    static final int MAX_PENDING = 4_096;
    /** Distinct (kind, kernel name) summary cells at most, per queue. */
    static final int MAX_CELLS = 256;
    /** The kernel name of launches beyond {@link #MAX_CELLS}. */
    static final String OTHER_KERNELS = "(other kernels)";

    /** The agent's id of the queue, written to every event. */
    final long id;
    /** The JOCL of the program that created the queue. */
    final JoclApi api;
    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Cell> transferCells = new HashMap<>();
    private final Map<String, Cell> kernelCells = new HashMap<>();
    private final long[] times = new long[4];
    private boolean saturated;

    GpuQueue(long id, JoclApi api) {
        this.id = id;
        this.api = api;
    }

    /**
     * Counts a command and keeps {@code event} (may be null: counted only) to profile it later.
     *
     * @return false when the command is not kept: the caller then releases {@code event}
     */
    boolean enqueued(GpuAggregator out, GpuCommandEvent command, Object event) {
        synchronized (lock) {
            Cell cell = cell(command.kind, command.kernelName);
            cell.commands++;
            cell.bytes += command.bytes;
            if (event == null) {
                return false;
            }
            if (pending.size() >= MAX_PENDING && !saturated) {
                // Collect what completed before giving up; then wait for the next sync point.
                harvestLocked(out);
                saturated = pending.size() >= MAX_PENDING;
            }
            if (pending.size() >= MAX_PENDING) {
                return false;
            }
            pending.add(new Pending(event, command, cell));
            return true;
        }
    }

    /** Commits the completed commands' {@code GpuCommand} events (as {@code out} allows) and releases their events. */
    void harvest(GpuAggregator out) {
        synchronized (lock) {
            harvestLocked(out);
            saturated = false;
        }
    }

    private void harvestLocked(GpuAggregator out) {
        int kept = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending command = pending.get(i);
            int status = api.status(command.event);
            if (status > 0) {
                pending.set(kept++, command); // still queued or running
                continue;
            }
            if (status == 0 && api.profile(command.event, times)) {
                record(command, out);
            }
            api.release(command.event);
        }
        pending.subList(kept, pending.size()).clear();
    }

    private void record(Pending command, GpuAggregator out) {
        GpuCommandEvent event = command.command;
        event.queuedNanos = times[0];
        event.submitNanos = times[1];
        event.startNanos = times[2];
        event.endNanos = times[3];
        command.cell.deviceNanos += Math.max(0, event.endNanos - event.startNanos);
        command.cell.queuedNanos += Math.max(0, event.startNanos - event.queuedNanos);
        if (out.commandAllowed()) {
            event.commit();
        }
    }

    /** Whether a command of this queue holds the OpenCL event whose handle is {@code handle}. */
    boolean holds(long handle) throws Throwable {
        synchronized (lock) {
            for (Pending command : pending) {
                if (api.handle(command.event) == handle) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Releases every pending command's event unread: the recording is over. */
    void releaseAll() {
        synchronized (lock) {
            for (Pending command : pending) {
                api.release(command.event);
            }
            pending.clear();
        }
    }

    /** Writes a {@code GpuSummary} for each cell with commands or device time since the last one. */
    void emit() {
        synchronized (lock) {
            transferCells.values().forEach(this::emit);
            kernelCells.values().forEach(this::emit);
        }
    }

    private void emit(Cell cell) {
        if (cell.commands == 0 && cell.deviceNanos == 0 && cell.queuedNanos == 0) {
            return;
        }
        GpuSummaryEvent summary = new GpuSummaryEvent();
        summary.queueId = id;
        summary.kind = cell.kind;
        summary.kernelName = cell.kernelName;
        summary.commands = cell.commands;
        summary.bytes = cell.bytes;
        summary.deviceNanos = cell.deviceNanos;
        summary.queuedNanos = cell.queuedNanos;
        summary.commit();
        cell.commands = 0;
        cell.bytes = 0;
        cell.deviceNanos = 0;
        cell.queuedNanos = 0;
    }

    private Cell cell(String kind, String kernelName) {
        boolean kernel = kernelName != null;
        Map<String, Cell> cells = kernel ? kernelCells : transferCells;
        Cell cell = cells.get(kernel ? kernelName : kind);
        if (cell == null) {
            boolean full = transferCells.size() + kernelCells.size() >= MAX_CELLS;
            String name = kernel && full ? OTHER_KERNELS : kernelName;
            cell = cells.computeIfAbsent(kernel ? name : kind, key -> new Cell(kind, name));
        }
        return cell;
    }

    /** A command waiting for its profiling info. */
    private record Pending(Object event, GpuCommandEvent command, Cell cell) {
    }

    /** The summary counts of one (kind, kernel name) since the last summary. */
    private static final class Cell {
        final String kind;
        final String kernelName;
        long commands;
        long bytes;
        long deviceNanos;
        long queuedNanos;

        Cell(String kind, String kernelName) {
            this.kind = kind;
            this.kernelName = kernelName;
        }
    }
}
