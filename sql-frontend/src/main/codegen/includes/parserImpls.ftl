<#--
  CesiumDB DDL, included into Calcite's Parser.jj (see ../config.fmpp).

  CREATE SCHEMA [IF NOT EXISTS] name
  CREATE TABLE [IF NOT EXISTS] name ( element [, element]* ) [SPLIT AT ( (v [, v]*) [, (v [, v]*)]* )]
     element: column type [NOT NULL | NULL] [DEFAULT expr3] [PRIMARY KEY]   (any order, each once)
            | [CONSTRAINT name] PRIMARY KEY ( column [, column]* )
  DROP TABLE [IF EXISTS] name
  ALTER TABLE name SPLIT AT ( v [, v]* )

  Transaction control (CesiumSqlTransaction):
  BEGIN [WORK | TRANSACTION] [READ ONLY | READ WRITE]
  START TRANSACTION [READ ONLY | READ WRITE]
  COMMIT [WORK]
  ROLLBACK [WORK]
  SET TRANSACTION READ ONLY | READ WRITE

  Session variables (CesiumSqlShow):
  SHOW name

  Nodes are Calcite's own (SqlDdlNodes) except the two that carry split points. Semantic checks
  (types, one primary key, split values) happen in io.cesiumdb.sql.ddl, not here.
-->

boolean IfNotExistsOpt() :
{
}
{
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

SqlCreate SqlCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, id);
    }
}

SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final SqlNodeList elements;
    SqlNodeList splitPoints = SqlNodeList.EMPTY;
}
{
    <TABLE> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    elements = TableElementList()
    [ splitPoints = SplitPointList() ]
    {
        return new CesiumSqlCreateTable(s.end(this), replace, ifNotExists, id, elements,
            splitPoints);
    }
}

SqlNodeList TableElementList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    TableElement(list)
    ( <COMMA> TableElement(list) )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

void TableElement(List<SqlNode> list) :
{
    SqlIdentifier name = null;
    final SqlNodeList columns;
    final Span s = Span.of();
}
{
    ColumnDeclaration(list)
|
    [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
    <PRIMARY> { s.add(this); } <KEY>
    columns = ParenthesizedSimpleIdentifierList()
    {
        list.add(SqlDdlNodes.primary(s.end(columns), name, columns));
    }
}

void ColumnDeclaration(List<SqlNode> list) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    Boolean nullable = null;
    SqlNode defaultValue = null;
    SqlParserPos primaryPos = null;
    final Span s;
}
{
    id = SimpleIdentifier() { s = span(); }
    type = DataType()
    (
        <NOT> <NULL> {
            nullable = ParserActions.nullability(nullable, false, getPos());
        }
    |
        <NULL> {
            nullable = ParserActions.nullability(nullable, true, getPos());
        }
    |
        <DEFAULT_> { ParserActions.checkOnce(defaultValue, "DEFAULT", getPos()); }
        defaultValue = Expression3(ExprContext.ACCEPT_NON_QUERY)
    |
        <PRIMARY> <KEY> {
            ParserActions.checkOnce(primaryPos, "PRIMARY KEY", getPos());
            primaryPos = getPos();
        }
    )*
    {
        list.add(ParserActions.column(s.end(this), id, type, nullable, defaultValue));
        if (primaryPos != null) {
            list.add(ParserActions.columnPrimaryKey(primaryPos, id));
        }
    }
}

/** SPLIT AT ( (v, ...), (v, ...), ... ): a list of key-prefix tuples. */
SqlNodeList SplitPointList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNodeList point;
}
{
    <SPLIT> { s = span(); } <AT>
    <LPAREN>
    point = SplitPoint() { list.add(point); }
    ( <COMMA> point = SplitPoint() { list.add(point); } )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** ( v [, v]* ): the values of the first key columns. */
SqlNodeList SplitPoint() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <LPAREN> { s = span(); }
    e = Expression(ExprContext.ACCEPT_NON_QUERY) { list.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_NON_QUERY) { list.add(e); } )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = IfExistsOpt() id = CompoundIdentifier()
    {
        return SqlDdlNodes.dropTable(s.end(this), ifExists, id);
    }
}

SqlNode SqlAlterTable() :
{
    final Span s;
    final SqlIdentifier id;
    final SqlNodeList point;
}
{
    <ALTER> { s = span(); } <TABLE> id = CompoundIdentifier()
    <SPLIT> <AT> point = SplitPoint()
    {
        return new CesiumSqlAlterTableSplit(s.end(this), id, point);
    }
}

SqlNode SqlTransactionStatement() :
{
    final Span s;
    CesiumSqlTransaction.Access access = CesiumSqlTransaction.Access.DEFAULT;
}
{
    (
        <BEGIN> { s = span(); } [ <WORK> | <TRANSACTION> ]
        [ access = TransactionAccessMode() ]
        {
            return new CesiumSqlTransaction(s.end(this), CesiumSqlTransaction.Action.BEGIN, access);
        }
    |
        <START> { s = span(); } <TRANSACTION>
        [ access = TransactionAccessMode() ]
        {
            return new CesiumSqlTransaction(s.end(this), CesiumSqlTransaction.Action.BEGIN, access);
        }
    |
        <COMMIT> { s = span(); } [ <WORK> ]
        {
            return new CesiumSqlTransaction(s.end(this), CesiumSqlTransaction.Action.COMMIT, access);
        }
    |
        <ROLLBACK> { s = span(); } [ <WORK> ]
        {
            return new CesiumSqlTransaction(s.end(this), CesiumSqlTransaction.Action.ROLLBACK,
                access);
        }
    |
        <SET> { s = span(); } <TRANSACTION> access = TransactionAccessMode()
        {
            return new CesiumSqlTransaction(s.end(this),
                CesiumSqlTransaction.Action.SET_TRANSACTION, access);
        }
    )
}

CesiumSqlTransaction.Access TransactionAccessMode() :
{
}
{
    <READ>
    (
        <ONLY> { return CesiumSqlTransaction.Access.READ_ONLY; }
    |
        <WRITE> { return CesiumSqlTransaction.Access.READ_WRITE; }
    )
}

SqlNode SqlShowStatement() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); } name = SimpleIdentifier()
    {
        return new CesiumSqlShow(s.end(this), name);
    }
}
