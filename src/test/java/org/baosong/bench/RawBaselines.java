package org.baosong.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import org.baosong.bench.Workloads.Attachment;

/**
 * The raw stages, each alone and done the fastest plain way, on the same corpus as the gateway: what the
 * hardware, the server and the libraries allow before any of Baosong's own work. CPU is the measuring
 * thread's (ThreadMXBean); the IMAP server's own CPU is not in it (nor in the gateway's).
 */
final class RawBaselines {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private RawBaselines() {
	}

	/**
	 * IMAP fetch of whole messages to a null sink: one {@code UID FETCH 1:* (BODY.PEEK[])} over a plain
	 * socket, literals counted and dropped. No client library: the protocol's and the server's limit.
	 */
	static Stage imapFetch(BenchImap imap, String folder) throws IOException {
		long cpu = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		int messages = 0;
		long bytes = 0;
		try (var socket = new Socket(imap.host, imap.port)) {
			socket.setTcpNoDelay(true);
			socket.setReceiveBufferSize(1 << 20);
			InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
			OutputStream out = socket.getOutputStream();
			line(in);
			command(in, out, "a1", "LOGIN " + quote(imap.user) + " " + quote(imap.password));
			command(in, out, "a2", "SELECT " + quote(folder));
			out.write("a3 UID FETCH 1:* (BODY.PEEK[])\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] skip = new byte[1 << 16];
			while (true) {
				String line = line(in);
				if (line.startsWith("a3 ")) {
					if (!line.startsWith("a3 OK")) {
						throw new IOException("FETCH failed: " + line);
					}
					break;
				}
				int open = line.lastIndexOf('{');
				if (line.endsWith("}") && open >= 0) {
					long literal = Long.parseLong(line.substring(open + 1, line.length() - 1));
					for (long left = literal; left > 0;) {
						int n = in.read(skip, 0, (int) Math.min(skip.length, left));
						if (n < 0) {
							throw new IOException("connection closed inside a literal");
						}
						left -= n;
					}
					bytes += literal;
					messages++;
				}
			}
			out.write("a4 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		return new Stage("raw IMAP fetch to null", messages, messages, "messages", bytes, seconds(start), cpu(cpu),
				"one UID FETCH 1:* BODY.PEEK[] on a plain socket");
	}

	/**
	 * The server's own time for the newest message of a folder: milliseconds of one {@code UID FETCH *
	 * (BODY.PEEK[])} (after LOGIN and SELECT), the best of three. What any client pays per command in that folder.
	 */
	static double fetchNewestMillis(BenchImap imap, String folder) throws IOException {
		double best = Double.MAX_VALUE;
		try (var socket = new Socket(imap.host, imap.port)) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
			OutputStream out = socket.getOutputStream();
			line(in);
			command(in, out, "a1", "LOGIN " + quote(imap.user) + " " + quote(imap.password));
			command(in, out, "a2", "SELECT " + quote(folder));
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				out.write(("f" + i + " UID FETCH * (BODY.PEEK[])\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				while (true) {
					String line = line(in);
					if (line.startsWith("f" + i + " ")) {
						break;
					}
					int open = line.lastIndexOf('{');
					if (line.endsWith("}") && open >= 0) {
						in.skipNBytes(Long.parseLong(line.substring(open + 1, line.length() - 1)));
					}
				}
				best = Math.min(best, (System.nanoTime() - start) / 1e6);
			}
			out.write("a4 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		return best;
	}

	private static void command(InputStream in, OutputStream out, String tag, String command) throws IOException {
		out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		while (true) {
			String line = line(in);
			if (line.startsWith(tag + " ")) {
				if (!line.startsWith(tag + " OK")) {
					throw new IOException(command.split(" ")[0] + " failed: " + line);
				}
				return;
			}
		}
	}

	private static String line(InputStream in) throws IOException {
		var line = new ByteArrayOutputStream(128);
		int previous = -1;
		for (int b; (b = in.read()) >= 0;) {
			if (b == '\n' && previous == '\r') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(b);
			previous = b;
		}
		throw new IOException("connection closed");
	}

	private static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** Mime4j's streaming parser over each message, every body decoded (base64, quoted-printable) into a null sink. */
	static Stage mime4j(List<byte[]> raws) throws Exception {
		var config = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1).build();
		long cpu = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long bytes = 0;
		long[] parts = new long[1];
		for (byte[] raw : raws) {
			var parser = new MimeStreamParser(config);
			parser.setContentDecoding(true);
			parser.setContentHandler(new AbstractContentHandler() {
				@Override
				public void field(Field field) {
					field.getBody();
				}

				@Override
				public void body(BodyDescriptor bd, InputStream is) throws IOException {
					is.transferTo(OutputStream.nullOutputStream());
					parts[0]++;
				}
			});
			parser.parse(new ByteArrayInputStream(raw));
			bytes += raw.length;
		}
		return new Stage("raw Mime4j parse", raws.size(), parts[0], "bodies decoded", bytes, seconds(start), cpu(cpu),
				"MimeStreamParser, content decoding on, no limits");
	}

	/**
	 * Tika's AutoDetectParser (the modules on the class path, in this JVM) over each attachment, the text
	 * into a counting null writer. {@code messages} is the number of messages the attachments came from.
	 */
	static Stage tika(List<Attachment> attachments, int messages) {
		var parser = new AutoDetectParser();
		long cpu = THREADS.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long bytes = 0;
		var chars = new CountingWriter();
		int failures = 0;
		for (Attachment a : attachments) {
			try (var in = TikaInputStream.get(a.bytes())) {
				parser.parse(in, new BodyContentHandler(chars), new Metadata(), new ParseContext());
			}
			catch (Exception ex) {
				failures++;
			}
			bytes += a.bytes().length;
		}
		return new Stage("raw Tika extraction", messages, chars.count, "characters", bytes, seconds(start), cpu(cpu),
				attachments.size() + " attachments, AutoDetectParser in-process" + (failures > 0 ? ", " + failures + " failed" : ""));
	}

	static final class CountingWriter extends Writer {

		long count;

		@Override
		public void write(char[] buf, int off, int len) {
			count += len;
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}

	/**
	 * Batched JDBC insert of the rows the gateway wrote for the workload: they are read back from the
	 * gateway's database (every table whose id grew during the drain) and inserted again, table by table
	 * in batches of 500 with a commit each, into copies of those tables (CREATE TABLE ... LIKE: the same
	 * columns and indexes, no foreign keys) in a scratch database of the same server. Only the inserts are
	 * timed.
	 */
	static Stage jdbcInsert(String serverUrl, String user, String password, String gatewayDb, String scratchDb, Map<String, Long> idsBefore,
			int messages) throws SQLException {
		var rows = new LinkedHashMap<String, List<Object[]>>();
		var columns = new LinkedHashMap<String, List<String>>();
		try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
			for (var table : idsBefore.entrySet()) {
				var cols = new ArrayList<String>();
				var data = new ArrayList<Object[]>();
				try (var statement = c.prepareStatement("SELECT * FROM " + gatewayDb + "." + table.getKey() + " WHERE id > ?")) {
					statement.setLong(1, table.getValue());
					try (ResultSet rs = statement.executeQuery()) {
						var meta = rs.getMetaData();
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							if (!meta.getColumnName(i).equalsIgnoreCase("id")) {
								cols.add(meta.getColumnName(i));
							}
						}
						while (rs.next()) {
							Object[] row = new Object[cols.size()];
							for (int i = 0; i < cols.size(); i++) {
								row[i] = rs.getObject(cols.get(i));
							}
							data.add(row);
						}
					}
				}
				if (!data.isEmpty()) {
					rows.put(table.getKey(), data);
					columns.put(table.getKey(), cols);
					c.createStatement().execute("DROP TABLE IF EXISTS " + scratchDb + "." + table.getKey());
					c.createStatement().execute("CREATE TABLE " + scratchDb + "." + table.getKey() + " LIKE " + gatewayDb + "." + table.getKey());
				}
			}
		}
		String url = serverUrl.replaceFirst("/(\\?|$)", "/" + scratchDb + "$1");
		long total = 0;
		long bytes = 0;
		long cpu;
		long start;
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			c.setAutoCommit(false);
			cpu = THREADS.getCurrentThreadCpuTime();
			start = System.nanoTime();
			for (var table : rows.entrySet()) {
				var cols = columns.get(table.getKey());
				String sql = "INSERT INTO " + table.getKey() + " (" + String.join(", ", cols) + ") VALUES ("
						+ String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
				try (var insert = c.prepareStatement(sql)) {
					int inBatch = 0;
					for (Object[] row : table.getValue()) {
						for (int i = 0; i < row.length; i++) {
							insert.setObject(i + 1, row[i]);
							if (row[i] instanceof String s) {
								bytes += s.length();
							}
						}
						insert.addBatch();
						total++;
						if (++inBatch == 500) {
							insert.executeBatch();
							c.commit();
							inBatch = 0;
						}
					}
					if (inBatch > 0) {
						insert.executeBatch();
						c.commit();
					}
				}
			}
		}
		var perTable = new StringBuilder();
		rows.forEach((t, r) -> perTable.append(perTable.isEmpty() ? "" : ", ").append(t).append(' ').append(r.size()));
		return new Stage("raw JDBC batched insert", messages, total, "rows", bytes, seconds(start), cpu(cpu),
				"the drain's own rows again, batches of 500: " + perTable);
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	static double cpu(long startCpuNanos) {
		return (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e9;
	}
}
