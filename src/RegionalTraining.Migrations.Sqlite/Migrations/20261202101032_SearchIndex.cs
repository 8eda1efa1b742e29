using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GazetteerTowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Variants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GazetteerTowns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DirectorateId = table.Column<int>(type: "INTEGER", nullable: false),
                    EstablishmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Folded = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchGrams", x => new { x.Gram, x.EntryId });
                    table.ForeignKey(
                        name: "FK_SearchGrams_SearchEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SearchEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GazetteerTowns_NameFr",
                table: "GazetteerTowns",
                column: "NameFr",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_DirectorateId_Kind",
                table: "SearchEntries",
                columns: new[] { "DirectorateId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_EstablishmentId",
                table: "SearchEntries",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_EntityId",
                table: "SearchEntries",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchGrams_EntryId",
                table: "SearchGrams",
                column: "EntryId");

            // The FTS5 index (trigram tokenizer) over the folded text, kept in step by triggers (decision 0015);
            // the same statements as RegionalTraining.Core.Search.SqliteSearchSchema, copied because a migration never changes.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5("Folded", content='SearchEntries', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Folded") VALUES ('delete', old."Id", old."Folded");
                    INSERT INTO "SearchEntriesFts"(rowid, "Folded") VALUES (new."Id", new."Folded");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_au";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_ad";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchEntries_ai";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchEntriesFts";""");

            migrationBuilder.DropTable(
                name: "GazetteerTowns");

            migrationBuilder.DropTable(
                name: "SearchGrams");

            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
