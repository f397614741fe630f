package io.cesiumdb.sql.wire;

import io.cesiumdb.common.error.CesiumException;
import io.cesiumdb.common.error.ErrorCode;

/**
 * A small in-memory schema for Calcite's ReflectiveSchema (public array fields are tables), plus a
 * function that fails with a {@link CesiumException}, to see its SQLSTATE reach the client.
 */
public final class HrSchema {
  public final Employee[] emps = {
    new Employee(100, "Bill", 10, 10_000),
    new Employee(110, "Theodore", 10, 11_500),
    new Employee(150, "Sebastian", 10, 7_000),
    new Employee(200, "Eric", 20, 8_000),
  };

  public final Department[] depts = {new Department(10, "Sales"), new Department(20, "Marketing")};

  /** SQL {@code FAIL_UNIQUE(x)}: always a duplicate-key error, SQLSTATE 23505. */
  public static int failUnique(int key) {
    throw new CesiumException(ErrorCode.UNIQUE_VIOLATION, "duplicate key " + key);
  }

  /** A row of {@code emps}. */
  public static final class Employee {
    public final int empid;
    public final String name;
    public final int deptno;
    public final double salary;

    public Employee(int empid, String name, int deptno, double salary) {
      this.empid = empid;
      this.name = name;
      this.deptno = deptno;
      this.salary = salary;
    }
  }

  /** A row of {@code depts}. */
  public static final class Department {
    public final int deptno;
    public final String name;

    public Department(int deptno, String name) {
      this.deptno = deptno;
      this.name = name;
    }
  }
}
