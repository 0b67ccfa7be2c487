package org.baosong.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the gateway and a test mail server, which can cut every connection
 * once a given number of bytes has flowed from the server: a connection lost in the middle of a fetch.
 */
public final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicLong downstream = new AtomicLong();

	private volatile long cutAt = Long.MAX_VALUE;

	private final AtomicLong cuts = new AtomicLong();

	private volatile boolean running = true;

	public CuttableProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(this::acceptLoop, "proxy-accept-" + server.getLocalPort());
		accept.setDaemon(true);
		accept.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Cuts all connections once {@code bytes} more have come from the server. */
	public void cutAfter(long bytes) {
		cutAt = downstream.get() + bytes;
	}

	public long cuts() {
		return cuts.get();
	}

	private void acceptLoop() {
		while (running) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				sockets.add(client);
				sockets.add(upstream);
				pump(client.getInputStream(), upstream.getOutputStream(), false);
				pump(upstream.getInputStream(), client.getOutputStream(), true);
			}
			catch (IOException ex) {
				if (!running) {
					return;
				}
			}
		}
	}

	private void pump(InputStream in, OutputStream out, boolean fromServer) {
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) >= 0;) {
					out.write(buffer, 0, n);
					out.flush();
					if (fromServer && downstream.addAndGet(n) >= cutAt) {
						cutAt = Long.MAX_VALUE;
						cuts.incrementAndGet();
						cutAll();
						return;
					}
				}
			}
			catch (IOException closed) {
				// the other side or a cut closed it
			}
		}, "proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private void cutAll() {
		for (Socket socket : sockets) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// already closed
			}
		}
		sockets.clear();
	}

	@Override
	public void close() throws IOException {
		running = false;
		cutAll();
		server.close();
	}
}
