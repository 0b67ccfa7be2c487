package org.baosong.web.security;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AppUserMapper {

	Optional<AppUser> findByUsername(String username);

	long count();

	void insert(@Param("u") AppUser user, @Param("now") Instant now);

	record AppUser(Long id, String username, String displayName, String passwordHash, String roles, boolean enabled) {
	}
}
