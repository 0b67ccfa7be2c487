package org.baosong.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the gateway and a server it talks to (a mail server, the database),
 * which can cut every connection once a given number of bytes has flowed from the server (a connection
 * lost in the middle of a fetch), cut them now, or play the server down: while down, every connection
 * is cut and new ones are closed as soon as they are accepted.
 */
public final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicLong downstream = new AtomicLong();

	private volatile long cutAt = Long.MAX_VALUE;

	private final AtomicLong cuts = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private volatile boolean running = true;

	private volatile boolean down;

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

	/** Cuts all connections now. */
	public void cutNow() {
		cuts.incrementAndGet();
		cutAll();
	}

	/** The server is gone: open connections are cut, new ones closed at once, until {@link #up()}. */
	public void down() {
		down = true;
		cutNow();
	}

	public void up() {
		down = false;
	}

	public boolean isDown() {
		return down;
	}

	public long cuts() {
		return cuts.get();
	}

	/** Bytes that came from the server so far. */
	public long downstreamBytes() {
		return downstream.get();
	}

	/** Connections accepted and passed on to the server so far. */
	public long connections() {
		return connections.get();
	}

	private void acceptLoop() {
		while (running) {
			Socket client;
			try {
				client = server.accept();
			}
			catch (IOException ex) {
				if (!running) {
					return;
				}
				continue;
			}
			if (down) {
				close(client);
				continue;
			}
			try {
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				sockets.add(client);
				sockets.add(upstream);
				connections.incrementAndGet();
				pump(client, upstream, false);
				pump(upstream, client, true);
			}
			catch (IOException ex) {
				// the server does not answer: neither does the proxy
				close(client);
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromServer) throws IOException {
		InputStream in = from.getInputStream();
		OutputStream out = to.getOutputStream();
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) >= 0;) {
					out.write(buffer, 0, n);
					out.flush();
					if (fromServer && downstream.addAndGet(n) >= cutAt) {
						cutAt = Long.MAX_VALUE;
						cutNow();
						return;
					}
				}
			}
			catch (IOException closed) {
				// the other side or a cut closed it
			}
			finally {
				close(from);
				close(to);
			}
		}, "proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
		sockets.remove(socket);
	}

	private void cutAll() {
		for (Socket socket : sockets) {
			close(socket);
		}
	}

	@Override
	public void close() throws IOException {
		running = false;
		cutAll();
		server.close();
	}
}
