package org.baosong.testsupport;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes as they are over SMTP (loopback only), as a mail client would: no re-encoding of raw
 * 8-bit headers, which a Jakarta Mail round trip would not guarantee. Dot-stuffing per RFC 5321.
 */
public final class RawSmtp {

	private RawSmtp() {
	}

	public static void send(int port, String from, String to, byte[] message) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
				var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
			OutputStream out = socket.getOutputStream();
			expect(in, "220");
			command(out, in, "HELO test.example", "250");
			command(out, in, "MAIL FROM:<" + from + ">", "250");
			command(out, in, "RCPT TO:<" + to + ">", "250");
			command(out, in, "DATA", "354");
			out.write(dotStuffed(message));
			out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			expect(in, "250");
			command(out, in, "QUIT", "221");
		}
	}

	private static byte[] dotStuffed(byte[] message) {
		var out = new ByteArrayOutputStream(message.length + 64);
		boolean lineStart = true;
		for (byte b : message) {
			if (lineStart && b == '.') {
				out.write('.');
			}
			out.write(b);
			lineStart = b == '\n';
		}
		if (!lineStart) {
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return out.toByteArray();
	}

	private static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		expect(in, expected);
	}

	private static void expect(BufferedReader in, String code) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				throw new IOException("SMTP server closed the connection, expected " + code);
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		if (!line.startsWith(code)) {
			throw new IOException("SMTP: expected " + code + ", got " + line);
		}
	}
}
