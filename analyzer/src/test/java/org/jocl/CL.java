package org.jocl;

import jdk.jfr.Event;

/**
 * A stand-in for JOCL's entry class in the analyzer's tests: an enqueue that commits its command's
 * event from inside {@code org.jocl.CL}, as the agent's advice does, so that the loader must look
 * past JOCL's frames for the application's enqueue site.
 */
public final class CL {

    private CL() {
    }

    /** Commits the command's event from inside this class. */
    public static void clEnqueue(Event command) {
        command.commit();
    }
}
