namespace RegionalTraining.Core.Search;

/// <summary>
/// The SQLite side of the index that EF's model cannot describe: the FTS5 table (trigram tokenizer) over
/// SearchEntries.Folded, as external content, and the triggers that keep it in step. Migration SearchIndex runs
/// a copy of these statements (a migration never changes afterwards); databases made with EnsureCreated (tests)
/// run them from here.
/// </summary>
public static class SqliteSearchSchema
{
    public const string Create = """
        CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5("Folded", content='SearchEntries', content_rowid='Id', tokenize='trigram');
        CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
        END;
        CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
            INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
        END;
        CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
            INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
            INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
        END;
        """;
}
