package org.baosong.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

	@TempDir
	Path dir;

	@Test
	void storesByContentHashAndReadsBack() throws Exception {
		var store = new FileSystemBlobStore(dir);
		byte[] bytes = "【动态】越秀区".getBytes(StandardCharsets.UTF_8);

		var blob = store.store(new ByteArrayInputStream(bytes));

		assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		assertThat(blob.size()).isEqualTo(bytes.length);
		try (InputStream in = store.open(blob.sha256()).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		assertThat(store.pathOf(blob.sha256())).startsWith(dir.resolve(blob.sha256().substring(0, 2)));
	}

	@Test
	void theSameBytesAreStoredOnceAndNoTemporaryFileIsLeft() throws Exception {
		var store = new FileSystemBlobStore(dir);
		var first = store.store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		var second = store.store(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		assertThat(second).isEqualTo(first);
		try (var files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(1);
		}
	}

	@Test
	void aFailedWriteLeavesNothingBehind() throws Exception {
		var store = new FileSystemBlobStore(dir);
		InputStream breaksHalfway = new InputStream() {
			int n;

			@Override
			public int read() throws IOException {
				if (n++ > 10_000) {
					throw new IOException("connection reset");
				}
				return 'x';
			}
		};
		assertThatThrownBy(() -> store.store(breaksHalfway)).isInstanceOf(IOException.class);
		try (var files = Files.walk(dir)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void deleteRemovesForGood() throws Exception {
		var store = new FileSystemBlobStore(dir);
		var blob = store.store(new ByteArrayInputStream(new byte[] { 9 }));
		assertThat(store.delete(blob.sha256())).isTrue();
		assertThat(store.exists(blob.sha256())).isFalse();
		assertThat(store.open(blob.sha256())).isEmpty();
		assertThat(store.delete(blob.sha256())).isFalse();
	}

	@Test
	void namesThatAreNotHashesAreRefused() throws Exception {
		var store = new FileSystemBlobStore(dir);
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLargeBlobStreamsThrough() throws Exception {
		var store = new FileSystemBlobStore(dir);
		long size = 64L * 1024 * 1024;
		InputStream big = new InputStream() {
			long left = size;

			@Override
			public int read() {
				return left-- > 0 ? 'a' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				java.util.Arrays.fill(b, off, off + n, (byte) 'a');
				left -= n;
				return n;
			}
		};
		assertThat(store.store(big).size()).isEqualTo(size);
	}
}
