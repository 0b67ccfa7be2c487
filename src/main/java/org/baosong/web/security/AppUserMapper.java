package org.baosong.web.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AppUserMapper {

	Optional<AppUser> findByUsername(String username);

	Optional<AppUser> findById(long id);

	long count();

	void insert(@Param("u") AppUser user, @Param("now") Instant now);

	/** Every user, by name. */
	List<AppUser> all();

	/**
	 * Every user, rows locked until the transaction ends: two administrators taking each other's
	 * role at the same moment must not leave the office with none.
	 */
	List<AppUser> lockAll();

	void updateRoles(@Param("id") long id, @Param("roles") String roles, @Param("now") Instant now);

	void updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("now") Instant now);

	void updatePassword(@Param("id") long id, @Param("hash") String passwordHash, @Param("now") Instant now);

	record AppUser(Long id, String username, String displayName, String passwordHash, String roles, boolean enabled) {
	}
}
