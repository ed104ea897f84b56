package paragent.agent.bootstrap;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.SocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Reads the JDK-private state of streams and sockets that the channel hooks need: the
 * {@code FileDescriptor} under a process's buffered pipe stream, a descriptor's number, whether a
 * {@code FileInputStream} has bytes available, and a {@code SocketImpl}'s addresses. Uses private
 * lookups, which need {@code java.io} and {@code java.net} opened to the boot loader's unnamed
 * module (done by {@code BootstrapInjector}); where one is missing the value is simply unknown.
 * Stateless apart from the handles; thread-safe; never throws.
 */
public final class IoInternals {

    private static final MethodHandle FILTER_IN = getter(FilterInputStream.class, "in", InputStream.class);
    private static final MethodHandle FILTER_OUT = getter(FilterOutputStream.class, "out", OutputStream.class);
    private static final MethodHandle FD_NUMBER = getter(FileDescriptor.class, "fd", int.class);
    private static final MethodHandle SOCKET_FD = getter(SocketImpl.class, "fd", FileDescriptor.class);
    private static final MethodHandle SOCKET_ADDRESS = getter(SocketImpl.class, "address", InetAddress.class);
    private static final MethodHandle SOCKET_PORT = getter(SocketImpl.class, "port", int.class);
    private static final MethodHandle SOCKET_LOCAL_PORT = getter(SocketImpl.class, "localport", int.class);
    private static final MethodHandle AVAILABLE0 = available0();

    private IoInternals() {
    }

    /** Whether {@link #nothingAvailable} can tell (else idle read time is not measured). */
    public static boolean canTellAvailable() {
        return AVAILABLE0 != null;
    }

    /**
     * Whether a read on {@code in} would have to wait: the JDK's own {@code available0} (an
     * {@code ioctl(FIONREAD)}), bypassing overrides of {@code available()}. False when unknown.
     */
    static boolean nothingAvailable(FileInputStream in) {
        try {
            return AVAILABLE0 != null && (int) AVAILABLE0.invokeExact(in) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** The descriptor under a process's pipe stream (a {@code BufferedInputStream} over a {@code FileInputStream}), or null. */
    public static FileDescriptor descriptorOf(InputStream stream) {
        try {
            Object inner = stream instanceof FilterInputStream && FILTER_IN != null
                    ? (InputStream) FILTER_IN.invokeExact((FilterInputStream) stream) : stream;
            return inner instanceof FileInputStream ? ((FileInputStream) inner).getFD() : null;
        } catch (Throwable t) {
            return null;
        }
    }

    /** The descriptor under a process's pipe stream (a {@code BufferedOutputStream} over a {@code FileOutputStream}), or null. */
    public static FileDescriptor descriptorOf(OutputStream stream) {
        try {
            Object inner = stream instanceof FilterOutputStream && FILTER_OUT != null
                    ? (OutputStream) FILTER_OUT.invokeExact((FilterOutputStream) stream) : stream;
            return inner instanceof java.io.FileOutputStream ? ((java.io.FileOutputStream) inner).getFD() : null;
        } catch (Throwable t) {
            return null;
        }
    }

    /** The OS descriptor number, or -1. */
    public static int number(FileDescriptor fd) {
        try {
            return FD_NUMBER != null ? (int) FD_NUMBER.invokeExact(fd) : -1;
        } catch (Throwable t) {
            return -1;
        }
    }

    /**
     * Whether a channel's endpoint is closed: a pipe's descriptor, a {@code SocketImpl}'s descriptor, or
     * a {@code SocketChannel}. False when unknown.
     */
    public static boolean isClosed(Object endpoint) {
        try {
            if (endpoint instanceof FileDescriptor) {
                return !((FileDescriptor) endpoint).valid();
            }
            if (endpoint instanceof SocketChannel) {
                return !((SocketChannel) endpoint).isOpen();
            }
            if (endpoint instanceof SocketImpl && SOCKET_FD != null) {
                FileDescriptor fd = (FileDescriptor) SOCKET_FD.invokeExact((SocketImpl) endpoint);
                return fd != null && !fd.valid();
            }
            return false;
        } catch (Throwable t) {
            return false;
        }
    }

    /** {@code host:port} of a connected socket's local end ({@code SocketImpl} or {@code SocketChannel}), or null. */
    public static String localAddress(Object endpoint) {
        try {
            if (endpoint instanceof SocketChannel) {
                return format(((SocketChannel) endpoint).getLocalAddress());
            }
            if (endpoint instanceof SocketImpl && SOCKET_LOCAL_PORT != null) {
                Object host = ((SocketOptions) endpoint).getOption(SocketOptions.SO_BINDADDR);
                int port = (int) SOCKET_LOCAL_PORT.invokeExact((SocketImpl) endpoint);
                return host instanceof InetAddress ? format((InetAddress) host, port) : null;
            }
            return null;
        } catch (Throwable t) {
            return null;
        }
    }

    /** {@code host:port} of a connected socket's remote end, or null. */
    public static String remoteAddress(Object endpoint) {
        try {
            if (endpoint instanceof SocketChannel) {
                return format(((SocketChannel) endpoint).getRemoteAddress());
            }
            if (endpoint instanceof SocketImpl && SOCKET_ADDRESS != null && SOCKET_PORT != null) {
                InetAddress host = (InetAddress) SOCKET_ADDRESS.invokeExact((SocketImpl) endpoint);
                int port = (int) SOCKET_PORT.invokeExact((SocketImpl) endpoint);
                return host != null ? format(host, port) : null;
            }
            return null;
        } catch (Throwable t) {
            return null;
        }
    }

    private static String format(SocketAddress address) {
        if (!(address instanceof InetSocketAddress)) {
            return address != null ? address.toString() : null;
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        return inet.getAddress() != null ? format(inet.getAddress(), inet.getPort())
                : inet.getHostString() + ":" + inet.getPort();
    }

    /** Numeric address and port, IPv6 in brackets: {@code 127.0.0.1:9000}, {@code [::1]:9000}. */
    static String format(InetAddress host, int port) {
        String text = host.getHostAddress();
        return (host instanceof Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }

    private static MethodHandle getter(Class<?> owner, String field, Class<?> type) {
        try {
            MethodHandle getter = MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .findGetter(owner, field, type);
            return getter.asType(MethodType.methodType(type, owner));
        } catch (Throwable t) {
            HookFailures.report("reading " + owner.getName() + "." + field + " for channel recording", t);
            return null;
        }
    }

    private static MethodHandle available0() {
        try {
            return MethodHandles.privateLookupIn(FileInputStream.class, MethodHandles.lookup())
                    .findVirtual(FileInputStream.class, "available0", MethodType.methodType(int.class));
        } catch (Throwable t) {
            HookFailures.report("idle read time of pipes", t);
            return null;
        }
    }
}
