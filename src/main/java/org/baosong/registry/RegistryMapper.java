package org.baosong.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RegistryMapper {

	List<UnitRecord> units();

	List<UnitRecord> unitsById(@Param("ids") Collection<Long> ids);

	List<Long> unitIdsByKey(String key);

	List<AliasRecord> aliases(@Param("unitIds") Collection<Long> unitIds);

	List<InformantRecord> informants();

	List<InformantRecord> informantsByAddressKey(String addressKey);

	List<AddressRecord> addresses(@Param("informantIds") Collection<Long> informantIds);

	long countUnits();

	List<SequenceCount> countActiveUnitsBySequence();

	void insertUnit(@Param("u") UnitRow unit, @Param("now") Instant now);

	void updateUnit(@Param("u") UnitRow unit, @Param("now") Instant now);

	void parkUnitNameKey(long id);

	void setParent(@Param("id") long id, @Param("parentId") Long parentId);

	int deactivateUnitsNotIn(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

	void deleteAllAliases();

	void deleteAliasesOf(long unitId);

	void setActive(@Param("id") long id, @Param("active") boolean active, @Param("now") Instant now);

	void insertAlias(@Param("unitId") long unitId, @Param("alias") String alias, @Param("key") String key);

	void insertInformant(@Param("i") InformantRow informant, @Param("now") Instant now);

	void updateInformant(@Param("i") InformantRow informant, @Param("now") Instant now);

	int deactivateInformantsNotIn(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

	void deleteAddressesOf(@Param("informantIds") Collection<Long> informantIds);

	void deleteAddressesByKey(@Param("keys") Collection<String> keys);

	void insertAddress(@Param("informantId") long informantId, @Param("address") String address, @Param("key") String key);

	record UnitRecord(long id, String code, String name, String nameKey, String shortName, String shortNameKey,
			String sequenceCode, Long parentUnitId, int sortOrder, boolean active) {
	}

	record AliasRecord(long unitId, String alias, String aliasKey) {
	}

	record InformantRecord(long id, long unitId, String name, String title, String phone, boolean active,
			LocalDate registeredOn, String note) {
	}

	record AddressRecord(long informantId, String address, String addressKey) {
	}

	record SequenceCount(String sequenceCode, long units) {
	}

	/** Mutable rows for writes; MyBatis fills in the generated id on insert. */
	final class UnitRow {
		Long id;
		String code;
		String name;
		String nameKey;
		String shortName;
		String shortNameKey;
		String sequenceCode;
		int sortOrder;
		boolean active;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public String getCode() { return code; }
		public String getName() { return name; }
		public String getNameKey() { return nameKey; }
		public String getShortName() { return shortName; }
		public String getShortNameKey() { return shortNameKey; }
		public String getSequenceCode() { return sequenceCode; }
		public int getSortOrder() { return sortOrder; }
		public boolean isActive() { return active; }
	}

	final class InformantRow {
		Long id;
		long unitId;
		String name;
		String title;
		String phone;
		boolean active;
		LocalDate registeredOn;
		String note;

		public Long getId() { return id; }
		public void setId(Long id) { this.id = id; }
		public long getUnitId() { return unitId; }
		public String getName() { return name; }
		public String getTitle() { return title; }
		public String getPhone() { return phone; }
		public boolean isActive() { return active; }
		public LocalDate getRegisteredOn() { return registeredOn; }
		public String getNote() { return note; }
	}
}
