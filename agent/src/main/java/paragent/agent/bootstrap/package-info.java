/**
 * The only agent code that instrumented JDK classes call into, and the JFR event classes.
 *
 * <p>Everything here is defined in the bootstrap class loader by
 * {@code paragent.agent.internal.BootstrapInjector} before any instrumentation is installed, so
 * that advice inlined into {@code java.base} classes can link against it. Rules for this
 * package: JDK types only (no third-party or other agent classes), no static state beyond what
 * is declared here, and nothing that can throw into the caller.
 */
package paragent.agent.bootstrap;
