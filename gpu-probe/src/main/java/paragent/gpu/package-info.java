/**
 * The OpenCL probe: host-to-device transfer time against kernel time, standalone and inside
 * programs that use JOCL. The only module that imports {@code org.jocl}. Not built yet: the
 * module exists so that the dependency rules of docs/ARCHITECTURE.md hold from the start.
 */
package paragent.gpu;
