package io.cesiumdb.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit type coercion, except for values an INSERT or UPDATE stores into a column of
 * their own family (string → string, binary → binary, number → number): Calcite would wrap them in
 * a CAST to the column type, and CAST silently truncates a string to VARCHAR(n) and may wrap or
 * round numbers (SQL's rules for CAST), where storing must fail (SQL's rules for store assignment).
 * Left uncast, those values reach {@code ModifyOperator}, whose {@code ValueCoercer} applies store
 * assignment. Values of another family are still cast as Calcite would ({@code '2024-01-31'} into a
 * DATE column), and what cannot be cast at all is still rejected by the validator.
 */
final class StoreAssignmentCoercion extends TypeCoercionImpl {
  StoreAssignmentCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean querySourceCoercion(
      SqlValidatorScope scope,
      RelDataType sourceRowType,
      RelDataType targetRowType,
      SqlNode query) {
    List<RelDataTypeField> sources = sourceRowType.getFieldList();
    List<RelDataTypeField> targets = targetRowType.getFieldList();
    RelDataTypeFactory.Builder b = factory.builder();
    for (int i = 0; i < targets.size(); i++) {
      RelDataType target = targets.get(i).getType();
      RelDataType source = i < sources.size() ? sources.get(i).getType() : target;
      b.add(targets.get(i).getName(), sameFamily(source, target) ? source : target);
    }
    return super.querySourceCoercion(scope, sourceRowType, b.build(), query);
  }

  private static boolean sameFamily(RelDataType source, RelDataType target) {
    return (SqlTypeUtil.isCharacter(source) && SqlTypeUtil.isCharacter(target))
        || (SqlTypeUtil.isBinary(source) && SqlTypeUtil.isBinary(target))
        || (SqlTypeUtil.isNumeric(source) && SqlTypeUtil.isNumeric(target));
  }
}
