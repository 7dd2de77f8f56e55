package sessionlab.stack.libssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The process-wide upcall stubs. libssl's ex_data index and function pointers are global, so the
 * stubs are too; each call is routed to the observer of the thread that is inside libssl.
 * An upcall must never throw (the JVM would abort): every entry catches and records.
 */
final class NativeHooks {
    private static final ThreadLocal<NativeObserver> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<List<Long>> WALK = new ThreadLocal<>();
    private static volatile Throwable lastFailure;

    final MemorySegment msgCallback;
    final MemorySegment keylogCallback;
    final MemorySegment newSessionCallback;
    final MemorySegment removeSessionCallback;
    final MemorySegment lhCollect;
    final int exIndex;
    private final Libssl lib;
    /** Offset of ex_data inside SSL_SESSION, learned from the first new-callback; -1 until then. */
    private static volatile long exDataOffset = -1;

    NativeHooks(Libssl lib) {
        this.lib = lib;
        try {
            var l = MethodHandles.lookup();
            msgCallback = Libssl.upcall(l.findStatic(NativeHooks.class, "onMessage", MethodType.methodType(void.class,
                    int.class, int.class, int.class, MemorySegment.class, long.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
            keylogCallback = Libssl.upcall(l.findStatic(NativeHooks.class, "onKeylog",
                    MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
            newSessionCallback = Libssl.upcall(l.findStatic(NativeHooks.class, "onNewSession",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            removeSessionCallback = Libssl.upcall(l.findStatic(NativeHooks.class, "onRemoveSession",
                    MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
            lhCollect = Libssl.upcall(l.findStatic(NativeHooks.class, "onWalk",
                    MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
            MemorySegment exNew = Libssl.upcall(l.findStatic(NativeHooks.class, "onExNew", MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class, long.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
            MemorySegment exDup = Libssl.upcall(l.findStatic(NativeHooks.class, "onExDup", MethodType.methodType(int.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class, long.class, MemorySegment.class)),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
            MemorySegment exFree = Libssl.upcall(l.findStatic(NativeHooks.class, "onExFree", MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class, long.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
            exIndex = lib.CRYPTO_get_ex_new_index(Libssl.CRYPTO_EX_INDEX_SSL_SESSION, exNew, exDup, exFree);
            // Free callbacks only: libssl calls them when the object really goes, whoever dropped the last reference.
            FunctionDescriptor freeFn = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS);
            MethodType freeType = MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class, long.class, MemorySegment.class);
            lib.CRYPTO_get_ex_new_index(Libssl.CRYPTO_EX_INDEX_SSL, MemorySegment.NULL, MemorySegment.NULL,
                    Libssl.upcall(l.findStatic(NativeHooks.class, "onSslFree", freeType), freeFn));
            lib.CRYPTO_get_ex_new_index(Libssl.CRYPTO_EX_INDEX_SSL_CTX, MemorySegment.NULL, MemorySegment.NULL,
                    Libssl.upcall(l.findStatic(NativeHooks.class, "onCtxFree", freeType), freeFn));
            instance = this;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static volatile NativeHooks instance;

    /** Routes callbacks of this thread to {@code observer} until {@link #leave()}. */
    static void enter(NativeObserver observer) {
        CURRENT.set(observer);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** A failure inside an upcall since the last call (an upcall must not throw), or null; clears it. */
    static Throwable takeFailure() {
        Throwable t = lastFailure;
        lastFailure = null;
        return t;
    }

    /** The sessions in a context's lhash (no order), via OPENSSL_LH_doall_arg. */
    List<Long> sessionsIn(MemorySegment ctx) {
        MemorySegment lh = lib.SSL_CTX_sessions(ctx);
        List<Long> out = new ArrayList<>();
        if (lh.address() == 0) return out;
        WALK.set(out);
        try {
            lib.OPENSSL_LH_doall_arg(lh, lhCollect, MemorySegment.NULL);
        } finally {
            WALK.remove();
        }
        return out;
    }

    /** Whether the context's own session table holds this very object (not merely one with the same id). */
    boolean tableHolds(MemorySegment ctx, long session) {
        MemorySegment lh = lib.SSL_CTX_sessions(ctx);
        return lh.address() != 0 && lib.OPENSSL_LH_retrieve(lh, MemorySegment.ofAddress(session)).address() == session;
    }

    // ---- upcall entries ----

    private static void onSslFree(MemorySegment parent, MemorySegment ptr, MemorySegment ad, int idx, long argl, MemorySegment argp) {
        tell(o -> o.sslDestroyed(parent.address()));
    }

    private static void onCtxFree(MemorySegment parent, MemorySegment ptr, MemorySegment ad, int idx, long argl, MemorySegment argp) {
        tell(o -> o.contextDestroyed(parent.address()));
    }

    /** Hands a callback to this thread's observer; never throws into libssl (the JVM would abort). */
    private static void tell(java.util.function.Consumer<NativeObserver> call) {
        try {
            NativeObserver o = CURRENT.get();
            if (o != null) call.accept(o);
        } catch (Throwable t) {
            lastFailure = t;
        }
    }

    private static void onWalk(MemorySegment item, MemorySegment arg) {
        List<Long> out = WALK.get();
        if (out != null) out.add(item.address());
    }

    private static void onExNew(MemorySegment parent, MemorySegment ptr, MemorySegment ad, int idx, long argl, MemorySegment argp) {
        try {
            if (exDataOffset < 0) exDataOffset = ad.address() - parent.address();
            NativeHooks h = instance;
            if (h != null) {
                // something must be stored, or libssl skips the dup callback when it copies a session
                h.lib.SSL_SESSION_set_ex_data(parent, idx);
            }
            NativeObserver o = CURRENT.get();
            if (o != null) o.sessionCreated(parent.address());
        } catch (Throwable t) {
            lastFailure = t;
        }
    }

    private static int onExDup(MemorySegment to, MemorySegment from, MemorySegment fromD, int idx, long argl, MemorySegment argp) {
        try {
            NativeObserver o = CURRENT.get();
            long off = exDataOffset;
            if (o != null && off >= 0) o.sessionDuplicated(from.address() - off, to.address() - off);
        } catch (Throwable t) {
            lastFailure = t;
        }
        return 1;
    }

    private static void onExFree(MemorySegment parent, MemorySegment ptr, MemorySegment ad, int idx, long argl, MemorySegment argp) {
        tell(o -> o.sessionDestroyed(parent.address()));
    }

    private static void onMessage(int writeP, int version, int contentType, MemorySegment buf, long len, MemorySegment ssl, MemorySegment arg) {
        try {
            NativeObserver o = CURRENT.get();
            if (o != null) o.message(ssl.address(), writeP != 0, version, contentType, buf.reinterpret(len));
        } catch (Throwable t) {
            lastFailure = t;
        }
    }

    private static void onKeylog(MemorySegment ssl, MemorySegment line) {
        try {
            NativeObserver o = CURRENT.get();
            if (o != null) o.keylog(ssl.address(), line.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.US_ASCII));
        } catch (Throwable t) {
            lastFailure = t;
        }
    }

    private static int onNewSession(MemorySegment ssl, MemorySegment session) {
        try {
            NativeObserver o = CURRENT.get();
            return o == null ? 0 : o.newSession(ssl.address(), session.address());
        } catch (Throwable t) {
            lastFailure = t;
            return 0;
        }
    }

    private static void onRemoveSession(MemorySegment ctx, MemorySegment session) {
        try {
            NativeObserver o = CURRENT.get();
            if (o != null) o.removeSession(ctx.address(), session.address());
        } catch (Throwable t) {
            lastFailure = t;
        }
    }
}
