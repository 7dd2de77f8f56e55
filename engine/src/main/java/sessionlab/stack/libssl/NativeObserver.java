package sessionlab.stack.libssl;

import java.lang.foreign.MemorySegment;

/** What libssl tells us through its callbacks. Calls arrive on the thread that called into libssl. */
interface NativeObserver {
    void sessionCreated(long session);

    void sessionDuplicated(long from, long to);

    void sessionDestroyed(long session);

    /** An SSL object's memory is being released (its ex_data free callback: the last reference went). */
    void sslDestroyed(long ssl);

    /** An SSL_CTX's memory is being released, after its cache was flushed. */
    void contextDestroyed(long ctx);

    /** SSL_set_msg_callback: {@code buf} is valid only during the call. */
    void message(long ssl, boolean sent, int version, int contentType, MemorySegment buf);

    void keylog(long ssl, String line);

    /** The new-session callback, installed only when the scenario asked; the return value is libssl's. */
    int newSession(long ssl, long session);

    void removeSession(long ctx, long session);
}
