/** A SQL cell: one query, never a change to the built-in tables. */
import {describe, expect, it} from "vitest";
import {checkSqlCell, splitStatements, sqlRefusalZh} from "../../../src/lib/notebook/sql.ts";

describe("SQL cell check", () => {
  it("takes one query, with or without a final semicolon, comments and quoted semicolons", () => {
    expect(checkSqlCell("SELECT 1;")).toBe("SELECT 1");
    expect(checkSqlCell("-- a; comment\nSELECT ';' AS \"a;b\" /* ; */ FROM panel;  \n")).toBe("-- a; comment\nSELECT ';' AS \"a;b\" /* ; */ FROM panel");
    expect(checkSqlCell("WITH t AS (SELECT 1) SELECT * FROM t")).toContain("WITH");
    expect(checkSqlCell("FROM panel")).toBe("FROM panel");
    expect(splitStatements("SELECT 'it''s; fine'; SELECT 2")).toHaveLength(2);
  });
  it("refuses a second statement, naming its line", () => {
    expect(() => checkSqlCell("SELECT 1;\nSELECT 2")).toThrow("a SQL cell runs one statement; this one has 2 (the second starts on line 2): put it in a new cell");
  });
  it("refuses changes to the built-in tables, naming the table", () => {
    expect(() => checkSqlCell("SELECT 1 AS a; DROP TABLE panel; CREATE TABLE panel AS SELECT 'fake' AS iso3")).toThrow(
      "DROP TABLE panel is refused: panel is a built-in table (panel, dstri, wdi, exports, customs cannot be changed)"
    );
    expect(() => checkSqlCell("drop table \"dstri\"")).toThrow("DROP TABLE dstri is refused");
    expect(() => checkSqlCell("CREATE OR REPLACE TABLE wdi AS SELECT 1")).toThrow("wdi is a built-in table");
    expect(() => checkSqlCell("ALTER TABLE exports RENAME TO x")).toThrow("exports is a built-in table");
    expect(() => checkSqlCell("INSERT INTO q1 VALUES (1)")).toThrow("line 1: a SQL cell holds one query (SELECT, WITH, FROM, VALUES ...); INSERT statements are not run here");
    expect(() => checkSqlCell("  ;; -- nothing")).toThrow("the SQL cell is empty");
  });
  it("says every refusal in Chinese for the Chinese page", () => {
    const zh = (sql: string) => {
      try {
        checkSqlCell(sql);
      } catch (e) {
        return sqlRefusalZh((e as Error).message);
      }
      return null;
    };
    expect(zh("DROP TABLE panel")).toBe("已拒绝 DROP TABLE panel：panel 是内置表（panel, dstri, wdi, exports, customs 不能被修改）");
    expect(zh("SELECT 1;\nSELECT 2")).toBe("一个 SQL 单元只执行一条语句；此单元有 2 条（第二条从第 2 行开始），请放到新的单元中");
    expect(zh("INSERT INTO q1 VALUES (1)")).toBe("第 1 行：SQL 单元只能包含一条查询（SELECT、WITH、FROM、VALUES 等）；这里不执行 INSERT 语句");
    expect(zh(" ; ")).toBe("SQL 单元为空");
    expect(sqlRefusalZh("Binder Error: x")).toBe("Binder Error: x");
  });
});
