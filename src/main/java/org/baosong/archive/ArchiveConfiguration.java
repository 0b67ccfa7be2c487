package org.baosong.archive;

import java.io.IOException;
import java.nio.file.Path;

import org.baosong.common.BaosongProperties;
import org.baosong.common.ConfigurationError;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

	@Bean
	BlobStore blobStore(ArchiveProperties archive, BaosongProperties baosong) {
		Path dir = archive.dir() != null ? archive.dir() : baosong.dataDir().resolve("archive");
		try {
			return new FileSystemBlobStore(dir);
		}
		catch (IOException ex) {
			throw new ConfigurationError(archive.dir() != null ? "baosong.archive.dir" : "baosong.data-dir",
					"cannot create the archive directory '" + dir.toAbsolutePath() + "': " + ex.getMessage(), ex);
		}
	}
}
