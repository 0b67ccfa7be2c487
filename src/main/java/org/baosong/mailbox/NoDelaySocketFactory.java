package org.baosong.mailbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. IMAP and POP3 are request/response protocols of small writes: with
 * Nagle's algorithm on, each command can wait for the peer's delayed ACK (40 ms on Linux), which
 * capped receiving at about ten messages a second. Angus Mail has no setting for it; it takes a
 * socket factory ({@code mail.<protocol>.socketFactory}).
 */
final class NoDelaySocketFactory extends SocketFactory {

	static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}
}
