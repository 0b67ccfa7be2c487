package org.baosong.editorial;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.MappedTypes;
import org.springframework.stereotype.Component;

/** Reads and writes {@link ActAttributes} as their JSON text (the starter registers TypeHandler beans). */
@Component
@MappedTypes(ActAttributes.class)
public class ActAttributesTypeHandler extends BaseTypeHandler<ActAttributes> {

	@Override
	public void setNonNullParameter(PreparedStatement ps, int i, ActAttributes parameter, JdbcType jdbcType) throws SQLException {
		String json = parameter.toJson();
		if (json == null) {
			ps.setNull(i, java.sql.Types.VARCHAR);
		}
		else {
			ps.setString(i, json);
		}
	}

	@Override
	public ActAttributes getNullableResult(ResultSet rs, String columnName) throws SQLException {
		return ActAttributes.fromJson(rs.getString(columnName));
	}

	@Override
	public ActAttributes getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
		return ActAttributes.fromJson(rs.getString(columnIndex));
	}

	@Override
	public ActAttributes getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
		return ActAttributes.fromJson(cs.getString(columnIndex));
	}
}
