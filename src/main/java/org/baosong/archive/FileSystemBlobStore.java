package org.baosong.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blobs as files under {@code <root>/ab/cd/<sha256>}. A write goes to a temporary file in
 * {@code <root>/tmp}, is fsynced, then renamed into place (atomic on one file system) and the
 * directory is fsynced, so after a crash a blob is either complete or absent, never half written.
 */
public class FileSystemBlobStore implements BlobStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	private final Path tmp;

	public FileSystemBlobStore(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.tmp = this.root.resolve("tmp");
		Files.createDirectories(tmp);
	}

	@Override
	public StoredBlob store(InputStream content) throws IOException {
		Path temp = Files.createTempFile(tmp, "blob-", ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(channel), digest)) {
				size = content.transferTo(out);
				out.flush();
				channel.force(true);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(sha);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				moveIntoPlace(temp, target);
				syncDirectory(target.getParent());
			}
			return new StoredBlob(sha, size);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void moveIntoPlace(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException sameBytesStoredMeanwhile) {
			// another writer stored the same content first: identical bytes, nothing to do
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("the archive's tmp directory must be on the same file system as the archive", ex);
		}
	}

	@Override
	public Optional<InputStream> open(String sha256) throws IOException {
		Path path = pathOf(sha256);
		return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
	}

	@Override
	public boolean exists(String sha256) {
		return Files.exists(pathOf(sha256));
	}

	@Override
	public boolean delete(String sha256) throws IOException {
		Path path = pathOf(sha256);
		boolean deleted = Files.deleteIfExists(path);
		if (deleted) {
			syncDirectory(path.getParent());
		}
		return deleted;
	}

	Path pathOf(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("not a SHA-256 blob name: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException notSupportedHere) {
			// some platforms (Windows) cannot open a directory; the rename itself is still atomic
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
