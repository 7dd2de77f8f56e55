package sessionlab.stack.bc;

import java.io.IOException;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * bctls's non-blocking protocol objects (made without streams: {@code offerInput}/{@code readOutput}),
 * with their two protected record hooks overridden: {@code writeRecord} sees each record's plaintext
 * before it is encrypted, {@code processRecord} each record after it was decrypted. That is how an
 * encrypted record gets its true label, and when TLS 1.3 traffic secrets can be copied for the key log.
 */
final class LabProtocols {
    private LabProtocols() {}

    /** Told about every record an end writes or reads, in plaintext, before bctls acts on it. */
    interface RecordObserver {
        void writing(short contentType, byte[] buf, int off, int len, TlsContext context);

        void processing(short contentType, byte[] buf, int off, int len, TlsContext context);
    }

    static final class Client extends TlsClientProtocol {
        private final RecordObserver observer;

        Client(RecordObserver observer) {
            this.observer = observer;
        }

        @Override
        protected void writeRecord(short type, byte[] buf, int off, int len) throws IOException {
            observer.writing(type, buf, off, len, getContext());
            super.writeRecord(type, buf, off, len);
        }

        @Override
        protected void processRecord(short type, byte[] buf, int off, int len) throws IOException {
            observer.processing(type, buf, off, len, getContext());
            super.processRecord(type, buf, off, len);
        }
    }

    static final class Server extends TlsServerProtocol {
        private final RecordObserver observer;

        Server(RecordObserver observer) {
            this.observer = observer;
        }

        @Override
        protected void writeRecord(short type, byte[] buf, int off, int len) throws IOException {
            observer.writing(type, buf, off, len, getContext());
            super.writeRecord(type, buf, off, len);
        }

        @Override
        protected void processRecord(short type, byte[] buf, int off, int len) throws IOException {
            observer.processing(type, buf, off, len, getContext());
            super.processRecord(type, buf, off, len);
        }
    }
}
