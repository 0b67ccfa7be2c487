package org.baosong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Linux says about a process and its children: CPU time from /proc/PID/stat (user + system, and
 * the children it has waited for), resident memory from /proc/PID/status. The gateway's parser processes
 * are its children; their CPU counts into the gateway's once they have ended and been reaped.
 */
final class ProcStats {

	/** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux). */
	static final double HZ = 100.0;

	private ProcStats() {
	}

	static boolean available() {
		return Files.isReadable(Path.of("/proc/self/stat"));
	}

	/** CPU seconds of the process, of its reaped children, and of its live descendants. */
	static double cpuSeconds(long pid) {
		long[] own = ticks(pid);
		long total = own[0] + own[1] + own[2] + own[3];
		for (ProcessHandle child : descendants(pid)) {
			long[] c = ticks(child.pid());
			total += c[0] + c[1];
		}
		return total / HZ;
	}

	/** CPU seconds of the process alone (user + system), 0 when it is gone. */
	static double ownCpuSeconds(long pid) {
		long[] own = ticks(pid);
		return (own[0] + own[1]) / HZ;
	}

	/** utime, stime, cutime, cstime; zeros when the process is gone. */
	static long[] ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// f[0] is field 3 (state): utime is field 14
			return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]) };
		}
		catch (IOException | RuntimeException gone) {
			return new long[4];
		}
	}

	/** VmRSS in bytes, 0 when the process is gone. */
	static long rss(long pid) {
		return statusField(pid, "VmRSS:");
	}

	/** VmHWM (peak resident set over the process's life) in bytes. */
	static long hwm(long pid) {
		return statusField(pid, "VmHWM:");
	}

	private static long statusField(long pid, String name) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.substring(name.length()).replace("kB", "").strip()) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException gone) {
			// ended meanwhile
		}
		return 0;
	}

	static List<ProcessHandle> descendants(long pid) {
		return ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
	}

	/** The database server's process on this machine (MariaDB or MySQL), when there is one to read. */
	static Optional<Long> databaseServer() {
		return ProcessHandle.allProcesses()
			.filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
			.map(ProcessHandle::pid)
			.findFirst();
	}

	/** Samples the resident memory of a process and its descendants every 50 ms, keeping the peaks. */
	static final class Sampler implements AutoCloseable {

		private final long pid;

		private final Thread thread;

		private volatile boolean running = true;

		private long peak;

		private long childPeak;

		private long childrenPeak;

		private final Map<Long, Long> perChild = new HashMap<>();

		Sampler(long pid) {
			this.pid = pid;
			this.thread = new Thread(this::run, "rss-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		private void run() {
			while (running) {
				sample();
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		private synchronized void sample() {
			peak = Math.max(peak, rss(pid));
			long sum = 0;
			for (ProcessHandle child : descendants(pid)) {
				long r = rss(child.pid());
				sum += r;
				perChild.merge(child.pid(), r, Math::max);
				childPeak = Math.max(childPeak, r);
			}
			childrenPeak = Math.max(childrenPeak, sum);
		}

		/** Peak VmRSS of the process itself since the sampler started. */
		synchronized long peak() {
			return peak;
		}

		/** Peak VmRSS of any one descendant (a parser process). */
		synchronized long childPeak() {
			return childPeak;
		}

		/** Peak of the descendants' VmRSS added up. */
		synchronized long childrenPeak() {
			return childrenPeak;
		}

		synchronized int childrenSeen() {
			return perChild.size();
		}

		@Override
		public void close() {
			running = false;
			thread.interrupt();
			try {
				thread.join(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			sample();
		}
	}
}
